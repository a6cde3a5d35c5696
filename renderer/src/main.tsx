import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveApi, transportOf } from './api/client';
import { App } from './app';
import { createAppStores } from './app-stores';
import { AppStoresContext } from './app-stores-context';
import './styles.css';
import './styles/controls.css';
import './styles/detail.css';
import './styles/panels.css';
import './styles/progress.css';
import './styles/backup.css';

const root = document.getElementById('root');
if (!root) throw new Error('renderer/index.html lost its #root element');

const stores = createAppStores(
  resolveApi(window),
  window.matchMedia('(prefers-color-scheme: dark)').matches,
  transportOf(window),
);

createRoot(root).render(
  <StrictMode>
    <AppStoresContext.Provider value={stores}>
      <App />
    </AppStoresContext.Provider>
  </StrictMode>,
);
