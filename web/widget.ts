import loaderCss from './styles/widget.css';

/**
 * The one script tag a site adds (<script src=".../widget.js" defer>): a button and a frame, nothing else. The
 * conversation runs in the frame, served from this server's own origin, so the host page can read nothing of it (its
 * session keys live in the frame's storage). The frame is anchored on the right whatever the language's direction.
 */
const script = document.currentScript as HTMLScriptElement | null;
const server = script?.dataset.server ?? (script ? new URL(script.src).origin : location.origin);
const procedure = script?.dataset.procedure;
/**
 * A site may fix the language (data-lang); else the server picks the browser's first one it speaks (Accept-Language).
 */
const fixedLang = script?.dataset.lang;

async function mount() {
  const asked = fixedLang ? `?lang=${encodeURIComponent(fixedLang)}` : '';
  const res = await fetch(`${server}/api/v1/texts/ui${asked}`);
  const texts = (await (res.ok ? res : await fetch(`${server}/api/v1/texts/ui`)).json()) as {
    lang: string;
    dir: string;
    ui: { widget: Record<string, string> };
  };
  const lang = texts.lang;

  const host = document.createElement('div');
  host.id = 'guidance-widget';
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = loaderCss;
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.lang = lang;
  launcher.dir = texts.dir;
  launcher.textContent = texts.ui.widget.open ?? '';
  launcher.setAttribute('aria-expanded', 'false');
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ lang, ...(procedure ? { procedure } : {}) });
  frame.src = `${server}/widget/frame?${query}`;
  frame.title = texts.ui.widget.title ?? '';
  frame.hidden = true;
  shadow.append(style, frame, launcher);

  let ready = false;
  let wantOpen = false;
  const post = (type: string) => frame.contentWindow?.postMessage({ type }, server);
  const open = () => {
    frame.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    wantOpen = true;
    if (ready) post('guidance:open');
    frame.focus();
  };
  const close = () => {
    frame.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };
  launcher.addEventListener('click', open);
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || e.origin !== new URL(server).origin) return;
    const type = (e.data as { type?: string } | null)?.type;
    if (type === 'guidance:ready') {
      ready = true;
      if (wantOpen) post('guidance:open');
    } else if (type === 'guidance:resumed') open();
    else if (type === 'guidance:close') close();
    // "leave quickly": the conversation is already erased; nothing of the widget stays on the page
    else if (type === 'guidance:leave') host.remove();
  });
}

void mount();
