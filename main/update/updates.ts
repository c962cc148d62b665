// The updater as main/index.ts and the tray see it: start, check, install, open the download page.
// Decides once (updateSupport) whether this copy checks at all; where it does not (the demo, an
// unpackaged run, an unknown Linux package) nothing is loaded, nothing is asked of GitHub, and the
// tray shows no update items.
import type { UpdateView } from '../../core/domain';
import { isSafeExternalUrl } from '../../core/security/externalUrl';
import { LATEST_RELEASE_URL, RELEASES_ORIGIN } from './releasePage';
import { describeUpdateError } from './updateErrors';
import { UpdateService, type Updater } from './updateService';
import { updateSupport, type InstallFacts, type UpdateSupport, type UpdaterKind } from './updateSupport';

export interface UpdatesDeps {
  facts: InstallFacts;
  createUpdater(kind: UpdaterKind): Promise<Updater>;
  onChange(update: UpdateView): void;
  openExternal(url: string): Promise<void>;
  log?: (line: string) => void;
  now?: () => number;
}

export interface Updates {
  readonly support: UpdateSupport;
  /** The first check now, then daily; does nothing where updates are off. Resolves once the first check has an answer. */
  start(): Promise<void>;
  /** "Check for updates…"; resolves when that check has an answer. */
  check(): Promise<void>;
  install(): void;
  /** Resolves once the browser was asked to open the page (or that failed, which is logged). */
  openDownloadPage(): Promise<void>;
  stop(): void;
}

export function createUpdates(deps: UpdatesDeps): Updates {
  const support = updateSupport(deps.facts);
  const log = deps.log ?? ((line: string) => console.log(`Pacebar ${line}`));
  let service: UpdateService | null = null;
  let stopped = false;

  async function start(): Promise<void> {
    if (!support.checks || service || stopped) return;
    try {
      const updater = await deps.createUpdater(support.updater);
      if (stopped) return;
      service = new UpdateService({
        updater,
        install: support.install === 'self' ? 'self' : { manual: support.reason },
        onChange: deps.onChange,
        log,
        ...(deps.now ? { now: deps.now } : {}),
      });
      await service.start();
    } catch (error) {
      // E.g. a version electron-updater cannot parse: one line, and "Check for updates…" tries again.
      log(`updater error: ${String(error instanceof Error ? error.message : error).split('\n', 1)[0]}`);
      deps.onChange({ kind: 'error', message: describeUpdateError(error, 'check') });
    }
  }

  return {
    support,
    start,
    check() {
      if (!support.checks) return Promise.resolve();
      return service ? service.check() : start();
    },
    install() {
      service?.install();
    },
    openDownloadPage() {
      if (!isSafeExternalUrl(LATEST_RELEASE_URL, [RELEASES_ORIGIN])) return Promise.resolve();
      return deps.openExternal(LATEST_RELEASE_URL).catch(() => log(`updater warn: could not open ${LATEST_RELEASE_URL}`));
    },
    stop() {
      stopped = true;
      service?.stop();
    },
  };
}
