/**
 * A "Help" link on every screen of /admin/, to the staff guide (docs/staff-guide.md) as GitHub
 * shows it on the production branch. Decap's header has no setting for a link of our own, so the
 * link is placed beside Decap's account menu (`SettingsWrapper`, decap-cms-core
 * UI/SettingsDropdown.js), which both the lists' header and the editor's toolbar draw: there it
 * takes room of its own instead of covering a control, at any width. Decap draws that menu afresh
 * on each screen, so the link follows it. Where there is no menu (the login page), the link sits
 * in the bottom left corner, which Decap leaves empty there. Styles: src/cms/admin.css.
 */
import { CMS_BACKEND } from '../site.config';

const STAFF_GUIDE = `https://github.com/${CMS_BACKEND.repo}/blob/${CMS_BACKEND.branch}/docs/staff-guide.md`;

export function showHelpLink(): void {
  const link = document.createElement('a');
  link.id = 'cms-help';
  link.href = STAFF_GUIDE;
  // A new tab, so that nothing typed in the CMS is left behind.
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Help';
  link.setAttribute('aria-label', 'Help for staff (the staff guide, in a new tab)');

  const place = () => {
    const menu = document.querySelector("#nc-root [class*='-SettingsWrapper']");
    if (menu) {
      if (menu.firstChild !== link) menu.prepend(link);
      link.classList.remove('cms-help-corner');
    } else if (link.parentElement !== document.body) {
      document.body.append(link);
      link.classList.add('cms-help-corner');
    }
  };
  place();
  // Each move of the link is itself a change, after which the link is in place: no loop.
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
}
