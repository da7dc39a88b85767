// Unit tests of the authorization server's pages: escaping of client names and user input, the picker's radio buttons or checkboxes, preselection.
import { describe, expect, it } from 'vitest';
import { consentPage, errorPage, signInPage, type ConsentPicker, type PageBrand } from './pages.js';

const BRAND: PageBrand = { site: 'Tiny & Co', signInLead: (name) => `${name} asks to connect.`, usernameLabel: 'Email', errorHeading: 'Something went wrong' };
const XSS = '<script>alert("x")</script>';
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

const picker = (overrides: Partial<ConsentPicker> = {}): ConsentPicker => ({
  legend: 'Rooms',
  name: 'rooms',
  idPrefix: 'room',
  multiple: false,
  options: [
    { value: 'r1', label: 'Room one' },
    { value: 'r2', label: 'Room two', hint: 'Europe/Oslo' },
  ],
  ...overrides,
});

const consent = (overrides: Partial<Parameters<typeof consentPage>[1]> = {}): string =>
  consentPage(BRAND, { action: 'https://id.example/consent', interaction: 'H1', clientName: 'App', userName: 'Ada', scopes: [{ name: 'read', description: 'Reads' }], ...overrides });

describe('the sign-in page', () => {
  it('escapes the client name, the username and the error, and the brand in the title', () => {
    const html = signInPage(BRAND, { action: 'https://id.example/login?a=1&b=2', interaction: 'H1', clientName: XSS, username: `"><img src=x onerror=alert(1)>`, error: '<b>no</b>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<p><strong>${ESCAPED}</strong> asks to connect.</p>`);
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" required>');
    expect(html).toContain('<p class="error" role="alert">&lt;b&gt;no&lt;/b&gt;</p>');
    expect(html).toContain('action="https://id.example/login?a=1&amp;b=2"');
    expect(html).toContain('<title>Sign in - Tiny &amp; Co</title>');
  });

  it('has no error paragraph and an empty username without them', () => {
    const html = signInPage(BRAND, { action: '/login', interaction: 'H1', clientName: 'App' });
    expect(html).not.toContain('class="error"');
    expect(html).toContain('name="username" autocomplete="username" value="" required>');
    expect(html).toContain('<input type="hidden" name="interaction" value="H1">');
  });
});

describe('the consent page', () => {
  it('escapes the client name, the user name, scopes and picker labels', () => {
    const html = consent({ clientName: XSS, userName: XSS, scopes: [{ name: XSS, description: XSS }], picker: picker({ legend: XSS, options: [{ value: XSS, label: XSS, hint: XSS }] }) });
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<h1>Approve ${ESCAPED}</h1>`);
    expect(html).toContain(`Signed in as <strong>${ESCAPED}</strong>.`);
    expect(html).toContain(`<li><strong>${ESCAPED}</strong>: ${ESCAPED}</li>`);
    expect(html).toContain(`value="${ESCAPED}" checked><label for="room-0">${ESCAPED} <span class="hint">${ESCAPED}</span></label>`);
  });

  it('offers radio buttons, the first checked, for a single choice', () => {
    const html = consent({ picker: picker() });
    expect(html).toContain('<input type="radio" id="room-0" name="rooms" value="r1" checked><label for="room-0">Room one</label>');
    expect(html).toContain('<input type="radio" id="room-1" name="rooms" value="r2"><label for="room-1">Room two <span class="hint">Europe/Oslo</span></label>');
  });

  it('offers checkboxes, none checked, for several', () => {
    const html = consent({ picker: picker({ multiple: true }) });
    expect(html).toContain('<input type="checkbox" id="room-0" name="rooms" value="r1">');
    expect(html).toContain('<input type="checkbox" id="room-1" name="rooms" value="r2">');
  });

  it('checks the preselected option only, radio or checkbox', () => {
    for (const multiple of [false, true]) {
      const html = consent({ picker: picker({ multiple, preselected: 'r2' }) });
      expect(html).toContain('value="r1"><label');
      expect(html).toContain('value="r2" checked><label');
    }
  });

  it('shows no picker without options, and the error when there is one', () => {
    expect(consent({ picker: picker({ options: [] }) })).not.toContain('<fieldset>');
    expect(consent({ error: 'Pick <one>.' })).toContain('<p class="error" role="alert">Pick &lt;one&gt;.</p>');
  });
});

describe('the error page', () => {
  it('escapes the error and its description under the brand heading', () => {
    const html = errorPage(BRAND, 'invalid_request', `Invalid redirect_uri: ${XSS}`);
    expect(html).toContain('<h1>Something went wrong</h1>\n<p class="error"><strong>invalid_request</strong></p>\n<p>Invalid redirect_uri: ' + ESCAPED + '</p>');
  });
});
