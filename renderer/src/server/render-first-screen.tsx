// The first screen as markup, rendered by the hosts (in Node) with React's own server renderer
// from the snapshot they serve; the browser hydrates it. Nothing here touches the browser.
import { renderToString } from 'react-dom/server';
import type { ContentSnapshot, KioskBridge } from '../../../common/kiosk-bridge';
import { KioskRoot } from '../kiosk-root';

// Never called while rendering to a string: effects do not run on the server.
const unused = (): never => {
  throw new Error('The server render does not talk to the host.');
};
const serverBridge = new Proxy({} as KioskBridge, { get: () => unused });

export function renderFirstScreen(snapshot: ContentSnapshot): string {
  return renderToString(<KioskRoot bridge={serverBridge} recordSectionView={() => {}} initialSnapshot={snapshot} />);
}
