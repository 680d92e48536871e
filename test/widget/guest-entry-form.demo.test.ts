// The demo's media page in guest mode (issue 13, items 7 and 10): its end states in the entry page's
// status template and card, its chrome and <html lang dir> in the guest's language (Hebrew here).
import { expect } from '@open-wc/testing';

const html = document.documentElement;
const original = { lang: html.lang, dir: html.dir };

before(async () => {
  const page = new DOMParser().parseFromString(await (await fetch('/demo/media.html')).text(), 'text/html');
  document.body.replaceChildren(...[...page.body.children].map((child) => document.importNode(child, true)));
  // The guest page takes the site's remembered language (a guest of a Hebrew site).
  localStorage.setItem('northwind:language', 'he');
});

after(() => {
  localStorage.removeItem('northwind:language');
  document.body.replaceChildren();
  Object.assign(html, original);
});

describe('demo media page, guest mode', () => {
  it('shows a missing session in the status template, in Hebrew, with the chrome translated', async () => {
    const { startGuestPage } = await import('../../demo/src/guest.ts');
    expect(await startGuestPage('no-such-room')).to.equal(false);
    expect([html.lang, html.dir]).to.deep.equal(['he', 'rtl']);
    expect(document.getElementById('leave-button')?.textContent).to.equal('יציאה מהמפגש');
    expect(document.getElementById('about-heading')?.textContent).to.equal('על המפגש');
    expect(document.querySelector('.agenda caption')?.textContent).to.equal('סדר יום');

    const removed = document.getElementById('removed') as HTMLElement;
    expect(removed.hidden).to.equal(false);
    const root = removed.shadowRoot as ShadowRoot;
    // The same template as the entry page: icon, title (the page's heading here), sentence, no action.
    expect(root.querySelector('[part=status] [part=status-icon] svg')).to.exist;
    const title = root.querySelector('[part=status-title]') as HTMLElement;
    expect([title.tagName, title.textContent]).to.deep.equal(['H1', 'הקישור אינו זמין']);
    expect(root.querySelector('[part=message]')?.textContent).to.equal(
      'הגישה למדיה זו באמצעות קישור זה הוסרה. פנו לבעלי המדיה לקבלת גישה.',
    );
    expect(root.querySelector('[part=status] button')).to.equal(null);
    expect(getComputedStyle(root.querySelector('.base') as Element).direction).to.equal('rtl');
    await expect(removed).to.be.accessible();
  });

  it('offers the entry page’s language selector there: English turns the status and the chrome', async () => {
    const { startGuestPage } = await import('../../demo/src/guest.ts');
    expect(await startGuestPage('no-such-room')).to.equal(false);
    const removed = document.getElementById('removed') as HTMLElement;
    const root = removed.shadowRoot as ShadowRoot;
    const select = root.querySelector('[part=language] select') as HTMLSelectElement;
    expect(select.getAttribute('aria-label')).to.equal('שפה');
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    expect(root.querySelector('[part=status-title]')?.textContent).to.equal('Link unavailable');
    expect(getComputedStyle(root.querySelector('.base') as Element).direction).to.equal('ltr');
    expect([html.lang, html.dir]).to.deep.equal(['en', 'ltr']);
    expect(document.getElementById('about-heading')?.textContent).to.equal('About this session');
    expect((root.querySelector('[part=language] select') as HTMLSelectElement).value).to.equal('en');
  });
});
