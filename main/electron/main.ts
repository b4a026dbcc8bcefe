import { app } from 'electron';
import { createBackend } from '../composition/createBackend';
import { startDesktop } from './desktopApp';
import { useElectronSqliteBuild } from './nativeSqlite';

/**
 * Entry of the Electron main process (built to out/main/index.js). The bundled dataset is found next to
 * the app: `resources/data` in the source tree, `<resources>/data` when packaged.
 */
process.env.VB_DATA_DIR ??= app.isPackaged
  ? `${process.resourcesPath}/data`
  : `${app.getAppPath()}/resources/data`;
app.enableSandbox();
if (!app.isPackaged && useElectronSqliteBuild(app.getAppPath()) === null) {
  console.warn(
    'No Electron build of better-sqlite3 in .native/: run `node scripts/ensure-electron-native.mjs` (npm start does).',
  );
}

void startDesktop({
  createBackend,
  outDir: __dirname,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
}).catch((err: unknown) => {
  console.error('Volatility Balancing failed to start', err);
  app.exit(1);
});
