/**
 * The `day` widget: a calendar day (`2026-12-24`, src/lib/dates.ts) in the browser's own date input,
 * saved exactly as the input holds it. Decap's `datetime` widget re-formats the value through
 * dayjs on every keystroke: typing `12242026` passes through the year `0002`, which dayjs reads as
 * 1902, and ends as 1906-12-24 (and its "Now" button takes the browser's day, not the clinic's).
 * A plain date input has neither fault and no time zone to move the day (decaporg/decap-cms#7319,
 * #3640). tests/e2e/cms/closures.spec.ts types a day key by key in UTC+2 and UTC−10.
 */
import type { CmsWidgetControlProps, CmsWidgetPreviewProps } from 'decap-cms-core';
import { Component, createElement as h } from 'react';
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
  override render() {
    const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } =
      this.props;
    return h('input', {
      id: forID,
      type: 'date',
      className: classNameWrapper,
      value: shown(value),
      disabled: this.props.isDisabled ?? false,
      // The input's value is a full day (`2026-12-24`) or empty: stored as it is.
      onChange: (event: { target: { value: string } }) => onChange(event.target.value),
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
    });
  }
}

export const DayPreview = ({ value }: CmsWidgetPreviewProps<unknown>) =>
  h('span', null, shown(value));
