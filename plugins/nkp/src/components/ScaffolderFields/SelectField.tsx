import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReactNode } from 'react';

/** One choice of a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled drop-down (MUI's select: its button is named by the label, opens with Enter, Space
 * or the arrow keys, and the list is a `listbox` of `option`s). With `multiple`, the value is a
 * list.
 */
export function SelectField<TMultiple extends boolean = false>(props: {
  id: string;
  label: string;
  options: SelectOption[];
  value: TMultiple extends true ? string[] : string | undefined;
  onChange: (value: TMultiple extends true ? string[] : string) => void;
  multiple?: TMultiple;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  helperText?: ReactNode;
}) {
  const { id, label, options, multiple, error, helperText } = props;
  const labelOf = (value: string) =>
    options.find(o => o.value === value)?.label ?? value;
  return (
    <TextField
      select
      fullWidth
      margin="dense"
      variant="outlined"
      id={id}
      label={label}
      required={props.required}
      disabled={props.disabled}
      value={props.value ?? (multiple ? [] : '')}
      error={!!error}
      helperText={error ?? helperText}
      SelectProps={{
        multiple,
        ...(multiple
          ? {
              renderValue: selected =>
                (selected as string[]).map(labelOf).join(', '),
            }
          : {}),
      }}
      onChange={e => props.onChange(e.target.value as any)}
    >
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
