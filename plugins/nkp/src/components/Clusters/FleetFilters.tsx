import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  POLICY_STATES,
  PolicyState,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useEffect, useState } from 'react';
import { NkpTenants } from '../../api/types';
import { ownerLabel } from '../common/ownerLabel';

/** The server-side filters of the fleet table, as they travel in the page's URL. */
export interface FleetFilterValues {
  owner?: string;
  workspace?: string;
  state: PolicyState[];
  version?: string;
}

// Fields share the row and wrap onto the next one when it is too narrow, never truncating.
const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  wide: { flex: '2 1 200px' },
  narrow: { flex: '1 1 160px' },
  // The shrunk labels sit on the page background, where secondary text misses 4.5:1.
  label: { color: theme.palette.text.primary },
}));

/**
 * Owner, workspace, state and version filters. Owners and workspaces are offered from the tenant
 * roll-ups (so only tenants that have clusters appear); the version is applied when the user
 * stops typing, and the backend says when it is not a version.
 */
export const FleetFilters = (props: {
  value: FleetFilterValues;
  tenants?: NkpTenants;
  onChange: (value: FleetFilterValues) => void;
}) => {
  const { value, tenants, onChange } = props;
  const classes = useStyles();
  const [version, setVersion] = useState(value.version ?? '');

  useEffect(() => setVersion(value.version ?? ''), [value.version]);
  useEffect(() => {
    const trimmed = version.trim() || undefined;
    if (trimmed === value.version) return undefined;
    const timer = setTimeout(
      () => onChange({ ...value, version: trimmed }),
      400,
    );
    return () => clearTimeout(timer);
  }, [version, value, onChange]);

  const owners = tenants?.byOwner.map(t => t.tenant) ?? [];
  const workspaces = tenants?.byWorkspace.map(t => t.tenant) ?? [];
  // Keep a value from the URL selectable even when the roll-ups do not list it.
  if (value.owner && !owners.includes(value.owner)) owners.push(value.owner);
  if (value.workspace && !workspaces.includes(value.workspace))
    workspaces.push(value.workspace);
  const filtered =
    value.owner || value.workspace || value.version || value.state.length > 0;

  return (
    <form
      role="search"
      aria-label="Filter clusters"
      className={classes.bar}
      onSubmit={e => e.preventDefault()}
    >
      <div className={classes.wide}>
        <TextField
          select
          fullWidth
          id="nkp-filter-owner"
          label="Owner"
          variant="outlined"
          size="small"
          value={value.owner ?? ''}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true, className: classes.label }}
          onChange={e =>
            onChange({ ...value, owner: e.target.value || undefined })
          }
        >
          <MenuItem value="">Any owner</MenuItem>
          {owners.map(o => (
            <MenuItem key={o} value={o}>
              {ownerLabel(o)}
            </MenuItem>
          ))}
        </TextField>
      </div>
      <div className={classes.wide}>
        <TextField
          select
          fullWidth
          id="nkp-filter-workspace"
          label="Workspace"
          variant="outlined"
          size="small"
          value={value.workspace ?? ''}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true, className: classes.label }}
          onChange={e =>
            onChange({ ...value, workspace: e.target.value || undefined })
          }
        >
          <MenuItem value="">Any workspace</MenuItem>
          {workspaces.map(w => (
            <MenuItem key={w} value={w}>
              {w}
            </MenuItem>
          ))}
        </TextField>
      </div>
      <div className={classes.narrow}>
        <TextField
          select
          fullWidth
          id="nkp-filter-state"
          label="Policy state"
          variant="outlined"
          size="small"
          value={value.state}
          SelectProps={{
            multiple: true,
            renderValue: selected =>
              (selected as PolicyState[]).length
                ? (selected as PolicyState[]).join(', ')
                : 'Any state',
            displayEmpty: true,
          }}
          InputLabelProps={{ shrink: true, className: classes.label }}
          onChange={e =>
            onChange({
              ...value,
              state: e.target.value as unknown as PolicyState[],
            })
          }
        >
          {POLICY_STATES.map(s => (
            <MenuItem key={s} value={s}>
              <Checkbox
                checked={value.state.includes(s)}
                size="small"
                inputProps={{ 'aria-hidden': true }}
              />
              <ListItemText primary={s} />
            </MenuItem>
          ))}
        </TextField>
      </div>
      <div className={classes.narrow}>
        <TextField
          fullWidth
          id="nkp-filter-version"
          label="Version"
          placeholder="e.g. 1.33 or 2.16"
          InputLabelProps={{ shrink: true, className: classes.label }}
          variant="outlined"
          size="small"
          value={version}
          onChange={e => setVersion(e.target.value)}
        />
      </div>
      <div>
        <Button
          variant="outlined"
          style={{ whiteSpace: 'nowrap' }}
          disabled={!filtered}
          onClick={() => {
            setVersion('');
            onChange({ state: [] });
          }}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
};
