import { AlertsView } from '@/components/alerts/alerts-view';

/** Alerts of recent runs, with live ones added as they arrive. */
export default function AlertsPage() {
  return (
    <>
      <h1>Alerts</h1>
      <AlertsView />
    </>
  );
}
