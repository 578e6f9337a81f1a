/**
 * Decap ends a failed delete by rejecting with the failure action it dispatched
 * (`Promise.reject(dispatch(entryDeleteFail(…)))` in decap-cms-core actions/entries `deleteEntry`),
 * and the editor's delete button awaits it inside a `setTimeout` with no `catch`
 * (components/Editor/Editor.js `handleDeleteEntry`). A delete the site refuses (an entry others
 * name, src/cms/guards.ts) then left an uncaught "Object" in the console, though staff were
 * already told why in Decap's notification. Such a rejection, a Decap `…_FAILURE` action that
 * Decap has shown, is marked handled; any other stays uncaught.
 */
export function markDecapFailuresHandled(): void {
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    const type = reason && typeof reason === 'object' && 'type' in reason ? reason.type : undefined;
    if (typeof type === 'string' && /^[A-Z_]+_FAILURE$/.test(type)) event.preventDefault();
  });
}
