import kioskCss from './styles/chat.css';
import { h } from './chat/dom';
import { home } from './kiosk/home';

/**
 * The kiosk: a touch screen shared by strangers. The language first, big choices with icons, and after inactivity a
 * countdown, then the session is erased on the server and the page starts over. Nothing may leave the terminal or
 * outlive the reset: no storage, no history, no downloads, no new windows (the calendar is a QR code, references are
 * shown in place, the summary prints from the page). The keys live in memory only.
 */
document.head.append(h('style', {}, kioskCss));
void home();
