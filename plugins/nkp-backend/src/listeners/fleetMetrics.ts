/**
 * OpenTelemetry gauges of the evaluated fleet: clusters per state and days to the nearest
 * upcoming deadline. Observed from the latest evaluation, so reading them costs nothing.
 */
import { metrics } from '@opentelemetry/api';
import { POLICY_STATES } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { FleetListener, FleetSnapshot } from '../state/FleetState';

export function fleetMetrics(): FleetListener {
  const meter = metrics.getMeter('nkp');
  let latest: FleetSnapshot | undefined;
  meter
    .createObservableGauge('nkp.fleet.clusters', {
      description: 'NKP clusters per lifecycle policy state',
      unit: '{cluster}',
    })
    .addCallback(result => {
      if (!latest) return;
      for (const state of POLICY_STATES) {
        result.observe(latest.evaluation.fleet.counts[state], { state });
      }
    });
  meter
    .createObservableGauge('nkp.fleet.nearest_deadline.days', {
      description: 'Days to the nearest upcoming cluster deadline in the fleet',
      unit: 'd',
    })
    .addCallback(result => {
      const days = latest?.evaluation.fleet.daysToNearestDeadline;
      if (days !== undefined) result.observe(days);
    });
  return snapshot => {
    latest = snapshot;
  };
}
