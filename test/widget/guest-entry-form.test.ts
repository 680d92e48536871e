// <guest-entry-form>: the form itself — what it shows, browser and API validation, one use per attempt,
// branding, language and accessibility — against the real API.
import { expect, waitUntil } from '@open-wc/testing';
import {
  callApi,
  entryForm,
  find,
  join,
  setupRoom,
  shadow,
  submitButton,
  typeInto,
  usesOf,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

describe('<guest-entry-form> entry', () => {
  it('shows the room title, schedule and a form with Name and Email', async () => {
    const room = await setupRoom({ roomTitle: 'Quarterly town hall' });
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    expect(find(element, 'h1').textContent).to.equal('Quarterly town hall');
    // The fixture's room runs 14:00–14:45 UTC in America/New_York: shown in the room's zone, named.
    const schedule = find(element, '[part=schedule]').textContent ?? '';
    expect(schedule)
      .to.match(/June 12, 2026/)
      .and.match(/10:00/)
      .and.match(/10:45/)
      .and.match(/EDT|GMT-4/);
    expect(find(element, 'label[for=name]').textContent).to.contain('Name');
    expect(find(element, 'label[for=email]').textContent).to.contain('Email');
    expect(find<HTMLInputElement>(element, '#name').required).to.equal(true);
    expect(find<HTMLInputElement>(element, '#email').type).to.equal('email');
    expect(submitButton(element).textContent?.trim()).to.equal('Join');
    await expect(element).to.be.accessible();
  });

  it('opening the link counts no use', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    expect(await usesOf(room)).to.equal(0);
  });

  it('refuses empty and malformed fields in the browser, beside each field, and focuses the first', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    typeInto(element, 'name', '   ');
    typeInto(element, 'email', 'not-an-email');
    submitButton(element).click();
    await element.updateComplete;
    const name = find<HTMLInputElement>(element, '#name');
    const email = find<HTMLInputElement>(element, '#email');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const described = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => shadow(element).getElementById(id)?.textContent)
        .join(' ');
    expect(described(name)).to.contain('Enter your name.');
    expect(described(email)).to.contain('Enter a valid email address');
    await waitUntil(() => shadow(element).activeElement === name, 'focus did not move to Name');
    expect(await usesOf(room)).to.equal(0);
    await expect(element).to.be.accessible();

    // Typing clears that field's error.
    typeInto(element, 'name', 'Ana');
    await element.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('false');
  });

  it("judges the name by the API's rule (widget/internal/limits.ts) before sending it", async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    const posts: string[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      if (init?.method === 'POST') posts.push(String(input));
      return realFetch(input, init);
    };
    try {
      await join(element, 'Ana\u0007Guest', 'ana@example.com');
      await waitUntil(
        () => find(element, '#name').getAttribute('aria-invalid') === 'true',
        'no error on Name',
      );
    } finally {
      window.fetch = realFetch;
    }
    expect(find(element, '#name-error').textContent).to.contain('Enter a name of 1 to 80 characters.');
    expect(find(element, '#name').getAttribute('maxlength')).to.equal('80');
    expect(find(element, '#email').getAttribute('aria-invalid')).to.equal('false');
    expect(posts).to.deep.equal([]);
    expect(await usesOf(room)).to.equal(0);
  });

  it('counts a double click once', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    submitButton(element).click();
    await element.updateComplete;
    await viewShown(element, 'waiting');
    expect(await usesOf(room)).to.equal(1);
  });

  it('marks the button busy while sending', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    await element.updateComplete;
    expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton(element).textContent?.trim()).to.equal('Joining…');
    await viewShown(element, 'waiting');
  });

  it('counts a retry after a lost answer once: the same Idempotency-Key, the same guest', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    const keys: string[] = [];
    const realFetch = window.fetch;
    // The real API answers; the first answer is then lost on the way back, as on a dropped connection.
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (init?.method !== 'POST') return response;
      keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
      if (keys.length === 1) throw new TypeError('Failed to fetch');
      return response;
    };
    try {
      await join(element);
      await waitUntil(() => shadow(element).querySelector('[role=alert]'), 'no network error shown');
      expect(find(element, '[role=alert]').textContent).to.contain('Cannot reach the server');
      submitButton(element).click();
      await viewShown(element, 'waiting');
    } finally {
      window.fetch = realFetch;
    }
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string').and.not.equal('');
    expect(keys[1]).to.equal(keys[0]);
    expect(await usesOf(room)).to.equal(1);
  });

  it('starts a new attempt (a new key) once the guest changes a field', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    const keys: string[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      if (init?.method === 'POST') {
        keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        // The first attempt gets no answer: its key would be sent again, unless a field changes.
        if (keys.length === 1) throw new TypeError('Failed to fetch');
      }
      return realFetch(input, init);
    };
    try {
      await join(element, 'Ana', 'ana@example.com');
      await waitUntil(
        () => element.shadowRoot?.querySelector('[part=error][role=alert]'),
        'no network error',
      );
      typeInto(element, 'name', 'Ana Lima');
      await element.updateComplete;
      submitButton(element).click();
      await viewShown(element, 'waiting');
    } finally {
      window.fetch = realFetch;
    }
    expect(keys).to.have.length(2);
    expect(keys[1]).to.not.equal(keys[0]);
  });

  it("applies the tenant's branding: logo and accent colour", async () => {
    const room = await setupRoom();
    const logoUrl = `${room.url}/healthz`;
    await callApi({
      method: 'PATCH',
      path: '/v1/admin/tenant',
      token: room.apiKey,
      body: { branding: { logoUrl, accentColor: '#aa3300' } },
    });
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    expect(find<HTMLImageElement>(element, '[part=logo]').src).to.equal(logoUrl);
    expect(getComputedStyle(submitButton(element)).backgroundColor).to.equal('rgb(170, 51, 0)');
  });

  it('lets the page override the accent colour with --guest-access-accent', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    element.style.setProperty('--guest-access-accent', 'rgb(0, 128, 0)');
    await viewShown(element, 'form');
    expect(getComputedStyle(submitButton(element)).backgroundColor).to.equal('rgb(0, 128, 0)');
  });

  it('follows the theme attribute: dark colours without a dark system', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    const background = () => getComputedStyle(find(element, '[part=base]')).backgroundColor;
    element.theme = 'light';
    await element.updateComplete;
    expect(background()).to.equal('rgb(255, 255, 255)');
    element.theme = 'dark';
    await element.updateComplete;
    expect(background()).to.not.equal('rgb(255, 255, 255)');
    await expect(element).to.be.accessible();
  });

  it('reads right to left in Hebrew, with Hebrew labels', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string, 'he');
    await viewShown(element, 'form');
    await waitUntil(() => find(element, '[part=base]').getAttribute('dir') === 'rtl', 'not right to left');
    expect(find(element, 'label[for=name]').textContent).to.contain('שם');
    expect(submitButton(element).textContent?.trim()).to.equal('הצטרפות');
    expect(getComputedStyle(find(element, 'form')).direction).to.equal('rtl');
    await expect(element).to.be.accessible();
  });

  it('switches language from its selector', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    const select = find<HTMLSelectElement>(element, '[part=language] select');
    expect(select.getAttribute('aria-label')).to.equal('Language');
    expect([...select.options].map((option) => option.textContent?.trim())).to.deep.equal([
      'English',
      'Español',
      'עברית',
    ]);
    select.value = 'es';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => submitButton(element).textContent?.trim() === 'Unirse', 'not in Spanish');
    expect(element.getAttribute('lang')).to.equal('es');
    expect(find(element, '[part=language]').textContent).to.contain('ES ▾');
  });
});

describe('<guest-entry-form> email in Hebrew', () => {
  it('keeps the email field left to right ("0-ana@…" stays in order); the name follows the page', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string, 'he');
    await viewShown(element, 'form');
    typeInto(element, 'email', '0-ana@example.com');
    expect(getComputedStyle(find(element, '#email')).direction).to.equal('ltr');
    expect(getComputedStyle(find(element, '#name')).direction).to.equal('rtl');
  });
});
