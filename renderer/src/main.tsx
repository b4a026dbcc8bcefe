import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectToBackend } from './lib/connect';
import { setIpcClient } from './stores/client';
import { startPushes } from './stores/pushes';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

const connection = connectToBackend();
if (connection.ok) {
  setIpcClient(connection.client);
  startPushes();
  createRoot(root).render(
    <StrictMode>
      <App mode={connection.mode} />
    </StrictMode>,
  );
} else {
  const message = document.createElement('p');
  message.className = 'banner error';
  message.setAttribute('role', 'alert');
  message.textContent = connection.message;
  root.replaceChildren(message);
}
