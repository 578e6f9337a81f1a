/**
 * The `day` widget: a calendar day (`2026-12-24`, src/lib/dates.ts) in the browser's own date input,
 * saved exactly as the input holds it. Decap's `datetime` widget re-formats the value through
 * dayjs on every keystroke: typing `12242026` passes through the year `0002`, which dayjs reads as
 * 1902, and ends as 1906-12-24 (and its "Now" button takes the browser's day, not the clinic's).
 * A plain date input has neither fault and no time zone to move the day (decaporg/decap-cms#7319,
 * #3640). tests/e2e/cms/closures.spec.ts types a day key by key in UTC+2 and UTC−10.
 */
import type { CmsWidgetControlProps, CmsWidgetPreviewProps } from 'decap-cms-core';
import { Component, createElement as h, createRef } from 'react';
import { dayOf } from '../lib/dates';

/** What Decap passes a control besides `CmsWidgetControlProps` (decap-cms-core EditorControl). */
interface ControlProps extends CmsWidgetControlProps<unknown> {
  setActiveStyle?: () => void;
  setInactiveStyle?: () => void;
  isDisabled?: boolean;
}

/** The day a stored value names: a `YYYY-MM-DD` string, or a YAML date read as a `Date`. */
const shown = (value: unknown): string =>
  value instanceof Date ? dayOf(value) : typeof value === 'string' ? value : '';

// A class, as Decap gives each control a ref.
export class DayControl extends Component<ControlProps> {
  private readonly input = createRef<HTMLInputElement>();

  /**
   * While staff type in it, the input is left to the browser: React writes an input's `type` and
   * `value` again whenever it draws it, and the browser's date input then starts the year it was
   * typing over (`12242026` became the year 0026 when closures gained a relation field, whose
   * entry drew every control three times a key). So the input holds its own value (React's
   * `defaultValue`), is drawn again only for a change of state, class or id, and takes a value
   * set from outside (another column, a draft loaded) when it does not have the focus.
   */
  override shouldComponentUpdate(next: ControlProps): boolean {
    const { isDisabled, classNameWrapper, forID } = this.props;
    return (
      next.isDisabled !== isDisabled ||
      next.classNameWrapper !== classNameWrapper ||
      next.forID !== forID ||
      shown(next.value) !== shown(this.props.value)
    );
  }

  override componentDidUpdate(): void {
    const input = this.input.current;
    const day = shown(this.props.value);
    if (input && input.value !== day && input.ownerDocument.activeElement !== input) {
      input.value = day;
    }
  }

  override render() {
    const { forID, classNameWrapper } = this.props;
    return h('input', {
      ref: this.input,
      id: forID,
      type: 'date',
      className: classNameWrapper,
      defaultValue: shown(this.props.value),
      disabled: this.props.isDisabled ?? false,
      // The input's value is a full day (`2026-12-24`) or empty: stored as it is. Decap's
      // callbacks are read when called.
      onChange: (event: { target: { value: string } }) => this.props.onChange(event.target.value),
      onFocus: () => this.props.setActiveStyle?.(),
      onBlur: () => this.props.setInactiveStyle?.(),
    });
  }
}

export const DayPreview = ({ value }: CmsWidgetPreviewProps<unknown>) =>
  h('span', null, shown(value));
