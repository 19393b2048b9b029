import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import type { Route } from '../../renderer/app/navigation';
import { Providers } from '../../renderer/app/Providers';
import { connectBridge, makeStore } from '../../renderer/app/store';
import type { FakeBridge } from './fakeBridge';

/** Render the whole app against a fake bridge, optionally starting on a given screen. */
export function renderApp(bridge: FakeBridge, route: Route = { name: 'roster' }) {
  window.sen = bridge;
  const store = makeStore({ navigation: { route } });
  const disconnect = connectBridge(store, bridge);
  const user = userEvent.setup();
  const view = render(
    <Providers store={store} env="test">
      <App />
    </Providers>,
  );
  return { ...view, store, user, disconnect };
}
