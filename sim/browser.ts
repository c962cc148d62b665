// A stand-in for the person's browser in the browser sign-in: shown Strava's consent page, the
// athlete decides, and the browser follows Strava's redirect to Pacebar's loopback listener.
// Tests and benchmarks pass it as the runner's openExternal, so they drive the path the app takes.
import { actAsAthlete } from './consentClient';

export interface BrowserChoice {
  deny?: boolean;
  uncheck?: string[];
  /** Changes the redirect before the browser follows it (a forged or replayed answer). */
  tamper?: (redirect: URL, authorize: URL) => void;
}

export function simulatedBrowser(choice: BrowserChoice = {}): (authorizeUrl: string) => Promise<void> {
  return async (authorizeUrl) => {
    const location = new URL(await actAsAthlete(authorizeUrl, choice));
    choice.tamper?.(location, new URL(authorizeUrl));
    const page = await fetch(location);
    await page.arrayBuffer();
  };
}
