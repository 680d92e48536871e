// The "Create new link" window checks as the host types (issue 13, item 3): the API's own limits
// (widget/internal/limits.ts), an error once a field is left and gone as soon as it is valid, hints for blank
// fields, and the expiry date the Duration gives, shown live.
import { expect, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { MAX_LINK_DAYS, MAX_LINK_USES, NAME_MAX_LENGTH } from '../../widget/internal/limits.ts';
import {
  byRole,
  callApi,
  openManager,
  openWindow,
  queryByRole,
  setupRoom,
} from './guest-access-manager.helpers.ts';

async function openCreate(element: GuestAccessManager) {
  await openWindow(element, 'Create new link');
  const dialog = byRole(element, 'dialog', 'Create new link');
  return {
    dialog,
    name: byRole<HTMLInputElement>(dialog, 'textbox', 'Link Name'),
    maxUses: byRole<HTMLInputElement>(dialog, 'spinbutton', '# of clicks'),
    durationDays: byRole<HTMLInputElement>(dialog, 'spinbutton', 'Duration'),
  };
}

/** Types `value` as a user would (an input event), then optionally leaves the field. */
async function type(element: GuestAccessManager, input: HTMLInputElement, value: string, leave = false) {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  if (leave) input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await element.updateComplete;
}

const errorOf = (input: HTMLInputElement) => {
  const root = input.getRootNode() as ShadowRoot;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => root.getElementById(id)).find((each) => each?.classList.contains('field-error'));
};

describe('<guest-access-manager> create window checks as the host types', () => {
  it('shows an error when a field is left wrong, and clears it as soon as the field is valid', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    const { maxUses } = await openCreate(element);

    await type(element, maxUses, '0');
    expect(maxUses.getAttribute('aria-invalid'), 'no error while first typing').to.equal('false');
    await type(element, maxUses, '0', true);
    expect(maxUses.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(maxUses)?.textContent).to.equal(
      'Enter a whole number from 1 to 1,000,000, or leave empty for unlimited clicks.',
    );

    // Fixed by typing alone, without leaving the field or submitting.
    await type(element, maxUses, '5');
    expect(maxUses.getAttribute('aria-invalid')).to.equal('false');
    expect(errorOf(maxUses)).to.equal(undefined);
    // Left once, it is now checked as it is typed.
    await type(element, maxUses, '2.5');
    expect(maxUses.getAttribute('aria-invalid')).to.equal('true');
  });

  it('judges by the API’s limits from widget/internal/limits.ts, as the API does', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    const { name, maxUses, durationDays } = await openCreate(element);

    const cases: Array<[HTMLInputElement, string, boolean]> = [
      [maxUses, String(MAX_LINK_USES), true],
      [maxUses, String(MAX_LINK_USES + 1), false],
      [maxUses, '', true],
      [durationDays, String(MAX_LINK_DAYS), true],
      [durationDays, String(MAX_LINK_DAYS + 1), false],
      [durationDays, '-1', false],
      [name, 'x'.repeat(NAME_MAX_LENGTH), true],
      [name, 'x'.repeat(NAME_MAX_LENGTH + 1), false],
      [name, '   ', false],
      [name, 'Press\u202e', false],
      [name, ' Press ', true],
    ];
    for (const [input, value, valid] of cases) {
      await type(element, input, value, true);
      expect(input.getAttribute('aria-invalid'), `${input.name} = ${JSON.stringify(value)}`).to.equal(
        valid ? 'false' : 'true',
      );
      // The API agrees.
      const body = {
        name: 'Press',
        [input.name]: input.name === 'name' ? value : value === '' ? null : Number(value),
      };
      const answer = await callApi({
        method: 'POST',
        path: `/v1/rooms/${room.roomId}/links`,
        token: room.hostToken,
        body,
      });
      expect(answer.status, `API for ${input.name} = ${JSON.stringify(value)}`).to.equal(valid ? 201 : 400);
      if (answer.status === 201) {
        const { id } = answer.body as { id: string };
        await callApi({
          method: 'DELETE',
          path: `/v1/rooms/${room.roomId}/links/${id}`,
          token: room.hostToken,
        });
      }
    }
  });

  it('does not send a form with an error: every error shows, focus goes to the first', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    const { dialog, name, durationDays } = await openCreate(element);

    // Tabbing through an empty field is not yet a mistake.
    name.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('false');

    await type(element, durationDays, '400');
    byRole(dialog, 'button', 'Create').click();
    await waitUntil(() => name.getAttribute('aria-invalid') === 'true', 'name error not shown');
    expect(durationDays.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => element.shadowRoot?.activeElement === name, 'focus not on the first error');
    const access = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    expect((access.body as { links: unknown[] }).links).to.have.length(0);
    expect(queryByRole(element, 'dialog', 'Create new link')).to.exist;
    await expect(element).to.be.accessible();
  });

  for (const [lang, linkName, empty, invalid] of [
    ['en', 'Link Name', 'Enter a name for the link.', 'Enter a name of 1 to 80 characters.'],
    [
      'es',
      'Nombre del enlace',
      'Introduce un nombre para el enlace.',
      'Introduce un nombre de 1 a 80 caracteres.',
    ],
    ['he', 'שם הקישור', 'הזינו שם לקישור.', 'הזינו שם באורך 1 עד 80 תווים.'],
  ]) {
    it(`asks for a name when Link Name is empty, and states the rule only for a wrong name (${lang})`, async () => {
      const room = await setupRoom({ enabled: true });
      const element = await openManager(room, { lang });
      const root = element.shadowRoot as ShadowRoot;
      (root.querySelector('[part~="create-button"]') as HTMLButtonElement).click();
      await waitUntil(() => root.querySelector('[part~="create-dialog"][open]'), 'no window');
      const dialog = root.querySelector('[part~="create-dialog"]') as HTMLElement;
      const name = byRole<HTMLInputElement>(dialog, 'textbox', linkName);

      (dialog.querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
      await waitUntil(() => name.getAttribute('aria-invalid') === 'true', 'name error not shown');
      expect(errorOf(name)?.textContent).to.equal(empty);
      await type(element, name, '   ');
      expect(errorOf(name)?.textContent, 'only spaces').to.equal(empty);

      await type(element, name, 'Press\u202e');
      expect(errorOf(name)?.textContent).to.contain(invalid);
      expect(errorOf(name)?.textContent).not.to.equal(empty);
    });
  }

  it('offers a placeholder and blank-field hints, and shows the expiry date live under Duration', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    const { dialog, name, maxUses, durationDays } = await openCreate(element);
    const hint = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => (input.getRootNode() as ShadowRoot).getElementById(id)?.textContent?.trim())
        .join(' | ');

    expect(name.placeholder).to.equal('e.g. Guest speakers');
    expect(hint(maxUses)).to.equal(
      'Limit how many times this link can be accessed. Leave blank for unlimited.',
    );
    expect(hint(durationDays)).to.equal('Day/s | Leave blank to never expire');

    await type(element, durationDays, '7');
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(
      new Date(Date.now() + 7 * 86_400_000),
    );
    expect(hint(durationDays)).to.include(`Expires ${date}`);
    expect(dialog.querySelector('[part~="expiry-preview"]')?.textContent).to.match(
      /^Expires .+ at \d+:\d\d [AP]M$/,
    );

    await type(element, durationDays, '');
    expect(hint(durationDays)).to.equal('Day/s | Leave blank to never expire');
  });
});
