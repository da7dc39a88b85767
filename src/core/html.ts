// HTML text for the sandbox's pages (sign-in and consent, Entrata's App Store frame): what a value needs to sit in text or an attribute.

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
