/** The calendars the procedures' dates are in (PROTOCOL.md: Europe/Paris, or Indian/Mayotte for Mayotte facts). */
export const PARIS = 'Europe/Paris';
export const MAYOTTE = 'Indian/Mayotte';
