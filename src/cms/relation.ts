/**
 * Decap's relation widget, kept to the main language's column. Decap still mounts a field that a
 * language's column hides (`isHidden`, decap-cms-core EditorControlPane), and a mounted relation
 * widget writes its value once its options load (`triggerInitialOnChange`, decap-cms-widget-relation
 * RelationControl): into that language's data, which left every saved entry with a reference (an
 * FAQ question, a therapist) marked as changed. References are set once, in the main language
 * (src/schemas/translation.ts), so in another language's column the widget draws and writes nothing.
 */
import type CMS from 'decap-cms-app';
import type { ComponentClass } from 'react';

interface RelationProps {
  /** The column's language, when the collection has several (Decap passes it to each widget). */
  locale?: string;
}

export function relationInMainLanguageOnly(cms: typeof CMS, mainLanguage: string): void {
  const relation = cms.getWidget('relation') as unknown as {
    control: ComponentClass<RelationProps>;
    preview: ComponentClass;
    schema?: object;
  };
  const Base = relation.control as ComponentClass<RelationProps> & {
    prototype: { componentDidMount?: () => unknown; render: () => unknown };
  };
  const inOtherLanguage = (props: RelationProps) =>
    props.locale !== undefined && props.locale !== mainLanguage;
  class MainLanguageRelation extends (Base as ComponentClass<RelationProps>) {
    override componentDidMount() {
      if (!inOtherLanguage(this.props)) Base.prototype.componentDidMount?.call(this);
    }

    override render() {
      return inOtherLanguage(this.props) ? null : (Base.prototype.render.call(this) as never);
    }
  }
  // The registry takes a schema as its fourth argument (decap-cms-core lib/registry.js
  // registerWidget); the app's type stops at three.
  (cms.registerWidget as (...args: unknown[]) => void)(
    'relation',
    MainLanguageRelation,
    relation.preview,
    relation.schema,
  );
}
