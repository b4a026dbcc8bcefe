import { create } from 'zustand';
import type { ExportFormat } from '../../../shared/ipc/dto/app';
import type {
  DatasetDto,
  RunDetailDto,
  RunInfoDto,
  SimulationFinishedDto,
  SimulationProgressedDto,
  SimulationSetupDto,
  SweepGridDto,
  WalkForwardRequestDto,
} from '../../../shared/ipc/dto/simulation';
import { failureText, ipc } from './client';
import { useExportsStore } from './exportsStore';
import type { Submitted } from './portfolioStore';

interface SimulationState {
  dataset: DatasetDto | null;
  datasetError: string | null;
  runs: RunInfoDto[];
  runsError: string | null;
  selectedRunId: string | null;
  detail: RunDetailDto | null;
  detailError: string | null;
  /** Finished runs whose equity curves are overlaid (compare runs). */
  compared: Record<string, RunDetailDto>;
  starting: boolean;
  load(): Promise<void>;
  start(
    setup: SimulationSetupDto,
    sweep?: SweepGridDto,
    walkForward?: WalkForwardRequestDto,
  ): Promise<Submitted>;
  cancel(runId: string): Promise<void>;
  select(runId: string): Promise<void>;
  toggleCompare(runId: string): Promise<void>;
  exportRun(runId: string, format: ExportFormat): Promise<void>;
  /** Pushes. */
  progressed(progress: SimulationProgressedDto): void;
  finished(done: SimulationFinishedDto): void;
}

export const useSimulationStore = create<SimulationState>()((set, get) => ({
  dataset: null,
  datasetError: null,
  runs: [],
  runsError: null,
  selectedRunId: null,
  detail: null,
  detailError: null,
  compared: {},
  starting: false,
  async load() {
    const [dataset, runs] = await Promise.all([
      ipc().invoke('simulation.getDataset', {}),
      ipc().invoke('simulation.listRuns', {}),
    ]);
    set({
      dataset: dataset.ok ? dataset.value : get().dataset,
      datasetError: dataset.ok ? null : failureText(dataset),
      runs: runs.ok ? runs.value : get().runs,
      runsError: runs.ok ? null : failureText(runs),
    });
  },
  async start(setup, sweep, walkForward) {
    set({ starting: true });
    const r = await ipc().invoke('simulation.startSimulation', {
      setup,
      ...(sweep ? { sweep } : {}),
      ...(walkForward ? { walkForward } : {}),
    });
    set({ starting: false });
    if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
    set({ runs: [r.value, ...get().runs.filter((x) => x.id !== r.value.id)], detail: null });
    // A short run may already have finished (its push can beat this answer): read its state now.
    void get().select(r.value.id);
    return { ok: true };
  },
  async cancel(runId) {
    const r = await ipc().invoke('simulation.cancelSimulation', { runId });
    if (r.ok) set({ runs: get().runs.map((x) => (x.id === runId ? r.value : x)) });
  },
  async select(runId) {
    set({ selectedRunId: runId, detailError: null });
    const r = await ipc().invoke('simulation.getRun', { runId });
    if (get().selectedRunId !== runId) return;
    if (!r.ok) return set({ detailError: failureText(r) });
    // The run's own state is the freshest: keep the list in step with it.
    set({ detail: r.value, runs: get().runs.map((x) => (x.id === runId ? r.value.run : x)) });
  },
  async toggleCompare(runId) {
    const { [runId]: present, ...rest } = get().compared;
    if (present) return set({ compared: rest });
    const r = await ipc().invoke('simulation.getRun', { runId });
    if (r.ok && r.value.result) set({ compared: { ...get().compared, [runId]: r.value } });
  },
  async exportRun(runId, format) {
    await useExportsStore
      .getState()
      .run(`simulation.${format}`, () => ipc().invoke('report.exportSimulation', { runId, format }));
  },
  progressed({ runId, done, total }) {
    set({
      runs: get().runs.map((x) => (x.id === runId ? { ...x, progress: { done, total } } : x)),
    });
  },
  finished({ runId }) {
    void ipc()
      .invoke('simulation.listRuns', {})
      .then((r) => {
        if (r.ok) set({ runs: r.value });
      });
    if (get().selectedRunId === runId) void get().select(runId);
  },
}));
