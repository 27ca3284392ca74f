import { NavLink, Route, Routes } from 'react-router';
import { ChannelsSection } from './channels.component';
import { DeliveryLog } from './delivery-log.component';
import { RulesSection } from './rules.component';
import '../forms/forms.css';
import './notifications.css';

/** Where notifications go: channels (webhook, Slack, Discord, email), routing rules, and the delivery log. */
export function NotificationsPage() {
  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      {/* Absolute paths: inside a splat route, relative links resolve from the current sub-path. */}
      <nav aria-label="Notification settings" className="tabs">
        <NavLink to="/notifications" end>
          Channels
        </NavLink>
        <NavLink to="/notifications/rules">Rules</NavLink>
        <NavLink to="/notifications/deliveries">Delivery log</NavLink>
      </nav>
      <Routes>
        <Route index element={<ChannelsSection />} />
        <Route path="rules" element={<RulesSection />} />
        <Route path="deliveries" element={<DeliveryLog />} />
      </Routes>
    </section>
  );
}
