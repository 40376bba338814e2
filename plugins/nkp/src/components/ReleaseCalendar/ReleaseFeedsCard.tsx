import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  ReleaseFeedStatus,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

const PRODUCT = { kubernetes: 'Kubernetes', nkp: 'NKP' } as const;

/** `2026-09-01 06:00 UTC`: the backend reads feeds in UTC, and so does the calendar. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** What the calendar uses of a feed that cannot be read now. */
function inUse(feed: ReleaseFeedStatus): string {
  if (!feed.lastSuccessAt) {
    return 'It has never been read: the calendar uses the shipped data, app-config and served NKP Release objects.';
  }
  const where = feed.dataLocation ? ` from ${feed.dataLocation}` : '';
  return `The calendar keeps using the ${plural(
    feed.releases,
    'minor',
  )} read${where} on ${formatUtc(feed.lastSuccessAt)}.`;
}

const Feed = ({ feed }: { feed: ReleaseFeedStatus }) => {
  const name = `${PRODUCT[feed.product]} release feed`;
  if (feed.state === 'failing') {
    return (
      <Alert severity="warning" component="li" role="listitem">
        <AlertTitle>
          {name} failing since{' '}
          {feed.lastAttemptAt ? formatUtc(feed.lastAttemptAt) : 'its last read'}
        </AlertTitle>
        <Typography variant="body2">
          {feed.location}: {feed.error}
        </Typography>
        <Typography variant="body2">{inUse(feed)}</Typography>
      </Alert>
    );
  }
  if (feed.state === 'pending') {
    return (
      <Alert severity="info" component="li" role="listitem">
        <AlertTitle>{name} not read yet</AlertTitle>
        <Typography variant="body2">
          {feed.location}. {inUse(feed)}
        </Typography>
      </Alert>
    );
  }
  const skipped = feed.warnings.length;
  return (
    <Alert
      severity={skipped ? 'warning' : 'success'}
      component="li"
      role="listitem"
    >
      <AlertTitle>
        {name} read {feed.lastSuccessAt ? formatUtc(feed.lastSuccessAt) : ''}
      </AlertTitle>
      <Typography variant="body2">
        {feed.location}: {plural(feed.releases, 'minor')}
        {skipped ? `; ${plural(skipped, 'entry', 'entries')} skipped:` : ''}
      </Typography>
      {skipped > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {feed.warnings.map(w => (
            <li key={w}>
              <Typography variant="body2">{w}</Typography>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
};

/*
 * The alerts are list items, not live regions: the page states where the feeds stand, nothing
 * happened that a screen reader should interrupt for.
 */

/**
 * Where the calendar's release feeds stand: read when, from where, and when one fails, what
 * failed and which data the calendar keeps using.
 */
export const ReleaseFeedsCard = ({ feeds }: { feeds: ReleaseFeedStatus[] }) => (
  <InfoCard title="Release feeds">
    {feeds.length === 0 ? (
      <Typography variant="body2">
        No release feed is configured (nkp.calendar.feed): the calendar is the
        one shipped with the plugin, corrected by app-config and the NKP Release
        objects management clusters serve.
      </Typography>
    ) : (
      <ul
        aria-label="Release feeds"
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gap: 8,
        }}
      >
        {feeds.map(feed => (
          <Feed key={feed.product} feed={feed} />
        ))}
      </ul>
    )}
  </InfoCard>
);
