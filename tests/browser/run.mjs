// SPDX-License-Identifier: EUPL-1.2
// Browser tests of the web app, against a real `wegwijzer serve` on a free loopback port, in headless
// Debian chromium driven by playwright-core. Run by ctest (test `webapp_browser`, Release build only):
//
//   node tests/browser/run.mjs --wegwijzer build/wegwijzer --voorbeelden examples --uit build
//
// --uit is where the screenshots go (CI keeps them as artefacts). WW_WEBAPP_URL=http://... tests an
// already running service instead of starting one (for working on the app).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as yaml from 'js-yaml';

const hier = path.dirname(fileURLToPath(import.meta.url));
const opties = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
}, []));
const wegwijzer = path.resolve(opties.wegwijzer || path.join(hier, '../../build/wegwijzer'));
const voorbeelden = path.resolve(opties.voorbeelden || path.join(hier, '../../examples'));
const uit = path.resolve(opties.uit || path.join(hier, '../../build'));
const CHROMIUM = process.env.WW_CHROMIUM || '/usr/bin/chromium';

const alleVoorbeelden = fs.readdirSync(voorbeelden).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => path.join(voorbeelden, f));

let dienst = null;
let basis = process.env.WW_WEBAPP_URL || '';
let browser = null;
const werkmap = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-browser-'));

function vrijePoort() {
    return new Promise((klaar, mis) => {
        const s = net.createServer();
        s.on('error', mis);
        s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => klaar(p)); });
    });
}

async function startDienst() {
    const poort = await vrijePoort();
    dienst = spawn(wegwijzer, ['serve', '--adres', '127.0.0.1', '--poort', String(poort)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    return new Promise((klaar, mis) => {
        const t = setTimeout(() => mis(new Error(`wegwijzer serve meldde zich niet binnen 20 s:\n${log}`)), 20000);
        const lees = (d) => {
            log += d;
            const m = log.match(/wegwijzer luistert op (http:\/\/\S+?)\/?(\s|$)/);
            if (m) { clearTimeout(t); klaar(m[1] + '/'); }
        };
        dienst.stdout.on('data', lees);
        dienst.stderr.on('data', (d) => { if (!basis) lees(d); });
        dienst.on('exit', (code) => { clearTimeout(t); mis(new Error(`wegwijzer serve stopte (status ${code}):\n${log}`)); });
    });
}

// The command line's advice, the reference the page must show.
function cliAdvies(bestand) {
    return JSON.parse(execFileSync(wegwijzer, ['advies', bestand, '--format', 'json'], { encoding: 'utf8' }));
}

const leesVoorbeeld = (f) => yaml.load(fs.readFileSync(f, 'utf8'));

async function nieuwePagina(breedte = 1280, hoogte = 900) {
    const context = await browser.newContext({ viewport: { width: breedte, height: hoogte }, acceptDownloads: true, locale: 'nl-NL' });
    const page = await context.newPage();
    page._fouten = [];
    page.on('pageerror', (e) => page._fouten.push(`pageerror: ${e.message}`));
    // A 422 while a form is half filled in is the service doing its job; the page shows it at the field.
    page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 422/.test(m.text())) page._fouten.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => { page._fouten.push(`dialog: ${d.message()}`); d.dismiss(); });
    await page.goto(basis);
    await page.waitForSelector('body[data-klaar="ja"]', { timeout: 15000 });
    return page;
}

// After the last change: submit (Enter would do the same) and wait for the answer to that request.
async function wachtOpAdvies(page, { fout = false } = {}) {
    await page.waitForFunction(() => !document.getElementById('profiel').hasAttribute('aria-busy'));
    await page.waitForFunction((f) => {
        const a = document.body.dataset.advies || '';
        return a !== '' && a.startsWith('fout') === f && !document.getElementById('profiel').hasAttribute('aria-busy');
    }, fout);
}

async function toonAdvies(page) {
    await page.getByRole('button', { name: 'Advies bijwerken' }).click();
    await wachtOpAdvies(page);
}

// The advice in the frame: ids (from "Regel") and texts, in the order shown.
function getoond(page) {
    return page.evaluate(() => {
        const d = document.getElementById('rapport').contentDocument;
        return [...d.querySelectorAll('article.advies')].map((a) => {
            const dts = [...a.querySelectorAll(':scope > dl > dt')];
            const regel = dts.find((dt) => dt.textContent.trim() === 'Regel');
            return { id: regel.nextElementSibling.querySelector('code').textContent, tekst: a.querySelector('p.tekst').textContent };
        });
    });
}

function verwacht(json) {
    return json.adviezen.map((a) => ({ id: a.id, tekst: a.tekst }));
}

function zonderLegeLijsten(v) {
    if (Array.isArray(v)) return v.map(zonderLegeLijsten);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).filter(([, w]) => !(Array.isArray(w) && w.length === 0))
        .map(([k, w]) => [k, zonderLegeLijsten(w)]));
}

const veldId = (pad) => '#v-' + pad.replace(/[^A-Za-z0-9_-]/g, '-');
const alsInvoer = (v) => (typeof v === 'number' ? String(v).replace('.', ',') : String(v));

async function zetVeld(loc, waarde, typen = false) {
    const tag = await loc.evaluate((e) => e.tagName);
    if (tag === 'SELECT') await loc.selectOption(String(waarde));
    else if (typen) { await loc.click(); await loc.pressSequentially(alsInvoer(waarde)); }
    else await loc.fill(alsInvoer(waarde));
}

// Fills the form from a profile the way a person does: typing into fields, choosing from lists,
// ticking boxes, clicking "toevoegen" for every row.
async function vulIn(page, profiel, pad = '') {
    for (const [k, v] of Object.entries(profiel)) {
        const p = pad ? `${pad}.${k}` : k;
        if (p === 'versie') continue;
        if (Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object')) {
            const blok = page.locator(`[data-rijen="${p}"]`);
            for (const [i, rij] of v.entries()) {
                await blok.locator(':scope > button.toevoegen').click();
                for (const [sleutel, w] of Object.entries(rij)) await zetVeld(page.locator(veldId(`${p}.${i}.${sleutel}`)), w);
            }
        } else if (Array.isArray(v)) {
            for (const id of v) await page.locator(`${veldId(p)}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`).check();
        } else if (v !== null && typeof v === 'object') {
            await vulIn(page, v, p);
        } else {
            await zetVeld(page.locator(veldId(p)), v, p === 'gemeente.naam');
        }
    }
}

async function opslaanAls(page) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Opslaan als YAML' }).click()]);
    const doel = path.join(werkmap, `opgeslagen-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(doel);
    return doel;
}

const schoon = (page) => assert.deepEqual(page._fouten, [], 'geen scriptfouten, CSP-meldingen of dialogen');

before(async () => {
    if (!basis) basis = await startDienst();
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
});

after(async () => {
    await browser?.close();
    if (dienst) {
        dienst.removeAllListeners('exit');
        dienst.kill('SIGTERM');
    }
    fs.rmSync(werkmap, { recursive: true, force: true });
});

test('js-yaml.js in web/app is het npm-pakket uit package-lock.json', () => {
    const npm = fs.readFileSync(path.join(hier, 'node_modules/js-yaml/dist/browser/js-yaml.esm.min.mjs'), 'utf8')
        .replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
    const app = fs.readFileSync(path.join(hier, '../../web/app/js-yaml.js'), 'utf8').split('\n').slice(2).join('\n');
    assert.equal(app, npm);
});

test('de pagina: kop, CSP zonder inline script, alle velden met een label', async () => {
    const r = await fetch(basis);
    assert.equal(r.status, 200);
    const csp = r.headers.get('content-security-policy') || '';
    assert.match(csp, /script-src[^;]*'self'|default-src[^;]*'self'/, `CSP: ${csp}`);
    assert.doesNotMatch(csp.split(';').find((d) => /script-src/.test(d)) || csp, /unsafe-inline|unsafe-eval/);
    const page = await nieuwePagina();
    assert.equal(await page.locator('h1').count(), 1);
    const zonderLabel = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
        .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.id || e.name));
    assert.deepEqual(zonderLabel, []);
    // The stappenplan's order: communication is a box of stap 3, between the analysis and the policy.
    const koppen = await page.locator('#secties h3').allTextContents();
    assert.deepEqual(koppen.map((k) => k.split(':')[0]), ['Gemeente', 'Stap 1', 'Stap 2', 'Stap 3', 'Stap 3, kader', 'Stap 4', 'Stap 5']);
    // The keyboard follows the same order: the communication's first field comes after the analysis's last one.
    const volgorde = await page.evaluate(() => [...document.querySelectorAll('#secties input, #secties select, #secties textarea, #secties button')]
        .map((e) => e.id || e.name));
    assert.ok(volgorde.indexOf('v-analyse-rapportage') < volgorde.indexOf('v-communicatie-frame'), volgorde.join(' '));
    assert.ok(volgorde.indexOf('v-communicatie-frame') < volgorde.indexOf('v-beleid-doel_benoemd'), volgorde.join(' '));
    // The vocabulary comes from the knowledge base, with human names.
    const kb = await (await fetch(new URL('api/v1/kennisbank', basis))).text();
    const factoren = await page.locator('[data-meerkeuze="analyse.factoren"] input[type=checkbox]').count();
    assert.equal(factoren, 12);
    const eerste = await page.locator('[data-meerkeuze="analyse.factoren"] label').first().textContent();
    assert.notEqual(eerste.trim(), 'signaalcriminaliteit', 'een menselijke naam, geen id');
    assert.ok(kb.includes('signaalcriminaliteit'));
    // A wijk's or group's `vergelijkbaar` is comparable wijken or groups, not comparable gemeenten.
    await page.getByRole('button', { name: 'Meting toevoegen' }).click();
    assert.match(await page.locator('[data-rijen="metingen"] .veld[data-sleutel="vergelijkbaar"] label').textContent(), /gemeenten, wijken of groepen/);
    schoon(page);
    await page.context().close();
});

test('opslaan als YAML: lastige teksten komen ongeschonden terug (in de browser, met de app zelf)', async () => {
    const page = await nieuwePagina();
    const teksten = ['yes', 'No', 'null', '~', '123', '1e3', '0x10', '15-24 jaar', '65+', 'a: b', 'a #b', '#x', '- x', '[x]', '{x}',
        ' voor', 'na ', '', "'q'", '"dq"', 'é ß 漢', 'tab\there', 'regel\nregel', '\u0085\u2028\ufeff\u007f', '\\', '&a *b !c', '%x', '@x', '`x`',
        '<script>alert(1)</script>', '\u0000'];
    const terug = await page.evaluate(async (ts) => {
        const { alsYaml } = await import('./yaml.js');
        const { load } = await import('./js-yaml.js');
        const profiel = { versie: 1, gemeente: { naam: 'x' }, metingen: ts.map((t, i) => ({ indicator: 'overlast', waarde: i, gebied: t })),
            communicatie: { boodschappen: ts.map((t) => ({ onderwerp: t })) } };
        const tekst = alsYaml(profiel);
        // The reader refuses control characters in texts (a clear error); the rest it must read.
        const leesbaar = ts.filter((t) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(t));
        const cli = alsYaml({ versie: 1, gemeente: { naam: 'x' }, communicatie: { boodschappen: leesbaar.map((t) => ({ onderwerp: t || 'leeg' })) } });
        return { tekst, cli, terug: load(tekst) };
    }, teksten);
    assert.deepEqual(terug.terug.metingen.map((m) => m.gebied), teksten, terug.tekst);
    assert.deepEqual(terug.terug.communicatie.boodschappen.map((m) => m.onderwerp), teksten);
    // The command line reads what the app writes (the reader's own checks aside, the YAML is valid).
    const bestand = path.join(werkmap, 'lastig.yaml');
    fs.writeFileSync(bestand, terug.cli);
    const json = JSON.parse(execFileSync(wegwijzer, ['advies', bestand, '--format', 'json'], { encoding: 'utf8' }));
    assert.equal(json.gemeente, 'x');
    schoon(page);
    await page.context().close();
});

// Three examples typed in by hand (the others are opened from file below).
for (const naam of ['02-informatie-alleen-cijfers.yaml', '04-communicatie-buikpijn.yaml', '05-acties-los-van-analyse.yaml']) {
    test(`invullen met typen en klikken: ${naam} geeft het advies van de opdrachtregel`, async () => {
        const bestand = path.join(voorbeelden, naam);
        const page = await nieuwePagina();
        await vulIn(page, leesVoorbeeld(bestand));
        await toonAdvies(page);
        assert.deepEqual(await getoond(page), verwacht(cliAdvies(bestand)));
        // What was typed, saved, is the example's content (an empty list is not something one types).
        const opgeslagen = await opslaanAls(page);
        assert.deepEqual(zonderLegeLijsten(leesVoorbeeld(opgeslagen)), zonderLegeLijsten(leesVoorbeeld(bestand)));
        schoon(page);
        await page.context().close();
    });
}

// Every key's path, in the order the file lists them (rows by their place).
function sleutelvolgorde(o, pad = '') {
    if (o === null || typeof o !== 'object') return [];
    return Object.entries(o).flatMap(([k, v]) => [`${pad}${k}`, ...sleutelvolgorde(v, `${pad}${k}.`)]);
}

test('openen en opslaan: elk voorbeeld komt ongewijzigd terug, met hetzelfde advies', async () => {
    const page = await nieuwePagina();
    for (const bestand of alleVoorbeelden) {
        await page.locator('#bestand-openen').setInputFiles(bestand);
        await page.waitForFunction((n) => document.getElementById('bestandsmelding').textContent.startsWith(n), path.basename(bestand));
        await wachtOpAdvies(page);
        const cli = cliAdvies(bestand);
        assert.deepEqual(await getoond(page), verwacht(cli), bestand);
        assert.match(await page.locator('#bestandsmelding').textContent(), /geopend\.$/);
        const opgeslagen = await opslaanAls(page);
        assert.deepEqual(leesVoorbeeld(opgeslagen), leesVoorbeeld(bestand), `${bestand}: inhoud na openen en opslaan`);
        // The examples list their keys as the contract does; so does a saved file (deepEqual ignores order).
        assert.deepEqual(sleutelvolgorde(leesVoorbeeld(opgeslagen)), sleutelvolgorde(leesVoorbeeld(bestand)), `${bestand}: volgorde van de sleutels`);
        assert.equal(execFileSync(wegwijzer, ['advies', opgeslagen, '--format', 'json'], { encoding: 'utf8' }),
            execFileSync(wegwijzer, ['advies', bestand, '--format', 'json'], { encoding: 'utf8' }), `${bestand}: advies van het opgeslagen bestand`);
    }
    // JSON is YAML too: the same profile as JSON gives the same advice and saves as the same content.
    const voorbeeld = path.join(voorbeelden, '03-analyse-wijk-noord.yaml');
    const alsJson = path.join(werkmap, 'lindenhoeve.json');
    fs.writeFileSync(alsJson, JSON.stringify(leesVoorbeeld(voorbeeld), null, 2));
    await page.locator('#bestand-openen').setInputFiles(alsJson);
    await page.waitForFunction(() => document.getElementById('bestandsmelding').textContent.startsWith('lindenhoeve.json'));
    await wachtOpAdvies(page);
    assert.deepEqual(await getoond(page), verwacht(cliAdvies(voorbeeld)));
    assert.deepEqual(leesVoorbeeld(await opslaanAls(page)), leesVoorbeeld(voorbeeld));
    // An id twice in a list: the same advice as the command line (with its warning about the
    // repetition) and the same file back; touching the box leaves the id once.
    const dubbel = path.join(werkmap, 'dubbel.yaml');
    fs.writeFileSync(dubbel, 'gemeente: {naam: Dubbeldam}\nanalyse:\n  uitgevoerd: true\n  factoren: [toezicht, verloedering, toezicht]\n');
    await page.locator('#bestand-openen').setInputFiles(dubbel);
    await page.waitForFunction(() => document.getElementById('bestandsmelding').textContent.startsWith('dubbel.yaml'));
    await wachtOpAdvies(page);
    const cliDubbel = cliAdvies(dubbel);
    assert.ok(cliDubbel.adviezen.some((a) => a.id === 'profiel.herhaling-analyse-factoren'));
    assert.deepEqual(await getoond(page), verwacht(cliDubbel));
    assert.deepEqual(leesVoorbeeld(await opslaanAls(page)), leesVoorbeeld(dubbel));
    await page.locator(`${veldId('analyse.factoren')}-toezicht`).uncheck();
    await page.locator(`${veldId('analyse.factoren')}-toezicht`).check();
    assert.deepEqual(leesVoorbeeld(await opslaanAls(page)).analyse.factoren, ['verloedering', 'toezicht']);
    // A file that is not YAML leaves the form as it was and says where the problem is.
    const kapot = path.join(werkmap, 'kapot.yaml');
    fs.writeFileSync(kapot, 'gemeente:\n  naam: [Open\n');
    const voor = await page.locator(veldId('gemeente.naam')).inputValue();
    await page.locator('#bestand-openen').setInputFiles(kapot);
    await page.waitForFunction(() => document.getElementById('bestandsmelding').textContent.includes('fout'));
    assert.match(await page.locator('#bestandsmelding').textContent(), /^kapot\.yaml:\d+:\d+: fout: /);
    assert.equal(await page.locator(veldId('gemeente.naam')).inputValue(), voor);
    schoon(page);
    await page.context().close();
});

test('alleen het toetsenbord: tabben, invullen, rij toevoegen en verwijderen, versturen', async () => {
    const page = await nieuwePagina();
    const focus = () => page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim());
    await page.keyboard.press('Tab');
    assert.equal(await focus(), 'Direct naar het advies', 'de eerste tab gaat naar de link naar het advies');
    let stappen = 0;
    while ((await focus()) !== 'v-gemeente-naam') {
        assert.ok(++stappen < 12, 'het eerste veld is met een paar tabs te bereiken');
        await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Tabstad');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12000');
    await page.keyboard.press('Tab');
    assert.equal(await focus(), 'v-drijfveer-bepaald');
    await page.keyboard.press('j');                    // "ja", by typing its first letter
    for (stappen = 0; (await focus()) !== 'Meting toevoegen'; stappen++) {
        assert.ok(stappen < 20, '"Meting toevoegen" is met tabs te bereiken');
        await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    assert.equal(await focus(), 'v-metingen-0-indicator', 'na toevoegen staat de focus in de nieuwe rij');
    await page.keyboard.press('ArrowDown');            // the first indicator of the knowledge base
    await page.keyboard.press('Tab');
    await page.keyboard.type('2023');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focus(), 'v-metingen-0-waarde');
    await page.keyboard.type('21,5');
    await page.keyboard.press('Enter');                // submits the form
    await wachtOpAdvies(page);
    const indicator = await page.locator('#v-metingen-0-indicator').inputValue();
    const profiel = path.join(werkmap, 'tabstad.yaml');
    fs.writeFileSync(profiel, yaml.dump({ versie: 1, gemeente: { naam: 'Tabstad', inwoners: 12000 }, drijfveer: { bepaald: true },
        metingen: [{ indicator, jaar: 2023, waarde: 21.5 }] }));
    assert.deepEqual(await getoond(page), verwacht(cliAdvies(profiel)));
    // Remove the row again with the keyboard: focus goes back to "Meting toevoegen".
    await page.locator('#v-metingen-0-waarde').focus();
    for (stappen = 0; (await focus()) !== 'Verwijder meting 1'; stappen++) {
        assert.ok(stappen < 10);
        await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    assert.equal(await focus(), 'Meting toevoegen');
    assert.equal(await page.locator('[data-rijen="metingen"] .rij').count(), 0);
    // The focus is visible: the focused control has an outline.
    const omlijning = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(omlijning, 'none');
    schoon(page);
    await page.context().close();
});

test('fouten van de dienst staan bij het veld dat het pad noemt', async () => {
    const page = await nieuwePagina();
    await page.locator(veldId('gemeente.naam')).fill('Foutdorp');
    await page.locator('[data-rijen="metingen"] > button.toevoegen').click();
    await page.locator('#v-metingen-0-indicator').selectOption('overlast');
    await page.locator('#v-metingen-0-waarde').fill('150');
    await page.getByRole('button', { name: 'Advies bijwerken' }).click();
    await wachtOpAdvies(page, { fout: true });
    // The same message the service gives for this profile.
    const r = await fetch(new URL('api/v1/advies', basis), { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ versie: 1, gemeente: { naam: 'Foutdorp' }, metingen: [{ indicator: 'overlast', waarde: 150 }] }) });
    assert.equal(r.status, 422);
    const { fouten } = await r.json();
    const veld = page.locator('[data-pad="metingen.0.waarde"]');
    assert.equal(await veld.locator('.veldfout').textContent(), fouten[0].melding);
    assert.equal(await page.locator('#v-metingen-0-waarde').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#advies-status').textContent(), /fout/);
    // Corrected, the message goes away and advice appears.
    await page.locator('#v-metingen-0-waarde').fill('15');
    await toonAdvies(page);
    assert.equal(await page.locator('.veldfout').count(), 0);
    assert.equal(await page.locator('#v-metingen-0-waarde').getAttribute('aria-invalid'), null);
    // A percentage as an adviseur types it, in a field labelled (%): a number, not an error that asks
    // for a decimal point; and a missing key's error is at that field, not only at its row.
    await page.locator('#v-metingen-0-waarde').fill('21,5 %');
    await page.locator('[data-rijen="metingen"] > button.toevoegen').click();
    await page.locator('#v-metingen-1-waarde').fill('12%');
    await page.getByRole('button', { name: 'Advies bijwerken' }).click();
    await wachtOpAdvies(page, { fout: true });
    assert.equal(await page.locator('.veldfout').count(), 1);
    assert.equal(await page.locator('[data-pad="metingen.1.indicator"] .veldfout').count(), 1);
    await page.locator('#v-metingen-1-indicator').selectOption('onveilig_buurt');
    await toonAdvies(page);
    assert.deepEqual(leesVoorbeeld(await opslaanAls(page)).metingen.map((m) => m.waarde), [21.5, 12]);
    // An empty name: the error is at the name.
    await page.locator(veldId('gemeente.naam')).fill('');
    await page.getByRole('button', { name: 'Advies bijwerken' }).click();
    await wachtOpAdvies(page, { fout: true });
    assert.equal(await page.locator('[data-pad="gemeente.naam"] .veldfout').count(), 1);
    schoon(page);
    await page.context().close();
});

test('getallen zoals een adviseur ze typt: één lezer (getal.js) voor het formulier en het vraaggesprek', async () => {
    const page = await nieuwePagina();
    // [typed, the field's type, the number read (null: not a number, sent as typed or asked again)].
    const gevallen = [
        ['85.000', 'geheel', 85000], ['85 000', 'geheel', 85000], ['85\u202f000', 'geheel', 85000], ['85\u2009000', 'geheel', 85000],
        ['85\u00a0000', 'geheel', 85000], ['1.234.567', 'geheel', 1234567], [' 2023 ', 'geheel', 2023], ['12,5', 'geheel', 12.5],
        ['85.000%', 'geheel', null], ['1.234 567', 'geheel', null], ['0.500', 'geheel', 0.5], ['veel', 'geheel', null],
        ['21,5', 'getal', 21.5], ['21.5', 'getal', 21.5], ['21,5%', 'getal', 21.5], ['21,5 %', 'getal', 21.5],
        ['21,5\u202f%', 'getal', 21.5], [',5', 'getal', 0.5], ['-3', 'getal', -3], ['12.500', 'getal', 12.5],
        ['1e3', 'getal', null], ['12,5 procent', 'getal', null], ['1,2,3', 'getal', null], ['', 'getal', null],
    ];
    const gelezen = await page.evaluate(async (gs) => {
        const { leesGetal } = await import('./getal.js');
        return gs.map(([t, soort]) => leesGetal(t, soort) ?? null);
    }, gevallen);
    assert.deepEqual(gelezen, gevallen.map(([, , n]) => n));
    // The form reads its number fields with it, rows included: what is saved is the number.
    await page.locator(veldId('gemeente.naam')).fill('Getaldorp');
    await page.locator(veldId('gemeente.inwoners')).fill('85\u202f000');
    await page.locator('[data-rijen="metingen"] > button.toevoegen').click();
    await page.locator('#v-metingen-0-indicator').selectOption('overlast');
    await page.locator('#v-metingen-0-jaar').fill('2023');
    await page.locator('#v-metingen-0-waarde').fill('21,5\u00a0%');
    await page.locator('#v-metingen-0-respondenten').fill('1.250');
    await toonAdvies(page);
    const opgeslagen = leesVoorbeeld(await opslaanAls(page));
    assert.equal(opgeslagen.gemeente.inwoners, 85000);
    assert.deepEqual(opgeslagen.metingen, [{ indicator: 'overlast', waarde: 21.5, jaar: 2023, respondenten: 1250 }]);
    // The interview asks 'getal' for every number; the form's field says which is a whole one.
    assert.deepEqual(await page.evaluate(async () => {
        const { beschrijving, veldSoort } = await import('./formulier.js');
        // The types do not depend on the vocabulary.
        const secties = beschrijving({ factoren: [], bronnen: [], indicatoren: [] });
        return ['gemeente.inwoners', 'metingen[2].marge', 'metingen[].respondenten', 'beleid.smart.daling_pct',
            'beleid.smart.termijn_jaren', 'evaluatie.nulmeting_jaar', 'gemeente.naam', 'bestaat.niet'].map((p) => veldSoort(secties, p) ?? null);
    }), ['geheel', 'getal', 'geheel', 'getal', 'getal', 'geheel', 'tekst', null]);
    schoon(page);
    await page.context().close();
});

// The contract asks a term in years greater than 0, not a whole number (gemeenteprofiel.md: termijn_jaren), and
// the reader and the JSON Schema take 2.5: so does the form, with the keyboard for a decimal comma. What the
// service refuses, the form shows at the field, in the service's words.
test('termijn van het SMART-doel: een breuk zoals het contract haar toelaat, 0 bij het veld geweigerd', async () => {
    const page = await nieuwePagina();
    const termijn = page.locator(veldId('beleid.smart.termijn_jaren'));
    assert.equal(await termijn.getAttribute('inputmode'), 'decimal');
    await page.locator(veldId('gemeente.naam')).fill('Termijndorp');
    await page.locator(veldId('beleid.smart.gekozen')).selectOption('true');
    await page.locator(veldId('beleid.smart.indicator')).selectOption('onveilig_buurt');
    await page.locator(veldId('beleid.smart.daling_pct')).fill('10');
    await termijn.fill('2,5');
    await toonAdvies(page);
    assert.deepEqual(leesVoorbeeld(await opslaanAls(page)).beleid.smart,
        { gekozen: true, indicator: 'onveilig_buurt', daling_pct: 10, termijn_jaren: 2.5 });
    // A point before three digits is a decimal point in a number that is not a whole one: 1.500 is one and a
    // half years, not fifteen centuries.
    await termijn.fill('1.500');
    await toonAdvies(page);
    assert.equal(leesVoorbeeld(await opslaanAls(page)).beleid.smart.termijn_jaren, 1.5);
    await termijn.fill('0');
    await page.getByRole('button', { name: 'Advies bijwerken' }).click();
    await wachtOpAdvies(page, { fout: true });
    const fout = page.locator('[data-pad="beleid.smart.termijn_jaren"] .veldfout');
    assert.equal(await fout.textContent(), "'beleid.smart.termijn_jaren' moet groter dan 0 en hoogstens 100 zijn, niet 0");
    assert.equal(await termijn.getAttribute('aria-invalid'), 'true');
    schoon(page);
    await page.context().close();
});

// http.md: the advice "updated as the form changes"; issue 14: "no external request". Typing alone (no
// button, no Enter) brings the advice of what is typed, and a change after it the advice of the change;
// every request the page makes, from loading to the last advice, goes to the service itself.
test('advies terwijl je typt: zonder klik of Enter bijgewerkt, en geen verzoek buiten de dienst', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const verzoeken = [];
    page.on('request', (r) => verzoeken.push(r.url()));
    page._fouten = [];
    page.on('pageerror', (e) => page._fouten.push(`pageerror: ${e.message}`));
    await page.goto(basis);
    await page.waitForSelector('body[data-klaar="ja"]', { timeout: 15000 });
    const kop = () => page.evaluate(() => document.getElementById('rapport').contentDocument?.querySelector('h1')?.textContent.trim() ?? '');
    await page.locator(veldId('gemeente.naam')).pressSequentially('Typstad');
    await page.locator(veldId('gemeente.inwoners')).pressSequentially('12000');
    await page.waitForFunction(() => document.getElementById('rapport').contentDocument?.querySelector('h1')?.textContent.trim() === 'Typstad',
        null, { timeout: 10000 });
    await page.waitForFunction(() => !document.getElementById('profiel').hasAttribute('aria-busy'));
    const profiel = path.join(werkmap, 'typstad.yaml');
    fs.writeFileSync(profiel, 'gemeente:\n  naam: Typstad\n  inwoners: 12000\n');
    assert.deepEqual(await getoond(page), verwacht(cliAdvies(profiel)), 'het advies van wat getypt is, zonder klik');
    // A change, again without a click: ticking "drijfveer bepaald" moves the first advice on.
    await page.locator(veldId('drijfveer.bepaald')).selectOption({ label: 'ja' });
    await page.waitForFunction((id) => {
        const d = document.getElementById('rapport').contentDocument;
        return !document.getElementById('profiel').hasAttribute('aria-busy') &&
            ![...d.querySelectorAll('article.advies code')].some((c) => c.textContent === id);
    }, 'drijfveer.bepalen', { timeout: 10000 });
    assert.equal(await kop(), 'Typstad');
    const buiten = verzoeken.filter((u) => !u.startsWith(basis) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(buiten, [], 'de app vraagt niets buiten de eigen dienst');
    assert.ok(verzoeken.some((u) => u.endsWith('/api/v1/advies')), `verzoeken: ${verzoeken}`);
    schoon(page);
    await context.close();
});

test('vijandige namen worden getoond, niet uitgevoerd', async () => {
    const page = await nieuwePagina();
    const naam = '<script>window.__gehackt=1</script>"><img src=x onerror="window.__gehackt=2">';
    const wijk = '"><img src=x onerror=alert(1)> **vet** [link](javascript:alert(2))';
    await page.locator(veldId('gemeente.naam')).fill(naam);
    await page.locator('[data-rijen="metingen"] > button.toevoegen').click();
    await page.locator('#v-metingen-0-indicator').selectOption('overlast');
    await page.locator('#v-metingen-0-gebied').fill(wijk);
    await page.locator('#v-metingen-0-waarde').fill('30');
    await toonAdvies(page);
    await page.waitForTimeout(300);
    const staat = await page.evaluate(() => {
        const d = document.getElementById('rapport').contentDocument;
        return {
            gehackt: window.__gehackt ?? null,
            framegehackt: document.getElementById('rapport').contentWindow.__gehackt ?? null,
            scripts: d.querySelectorAll('script').length,
            handlers: [...d.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
            img: d.querySelectorAll('img').length,
            h1: d.querySelector('h1').textContent,
        };
    });
    assert.deepEqual({ ...staat, h1: undefined }, { gehackt: null, framegehackt: null, scripts: 0, handlers: 0, img: 0, h1: undefined });
    assert.equal(staat.h1.trim(), naam, 'de naam staat er letterlijk');
    const opgeslagen = leesVoorbeeld(await opslaanAls(page));
    assert.equal(opgeslagen.gemeente.naam, naam);
    assert.equal(opgeslagen.metingen[0].gebied, wijk);
    schoon(page);
    await page.context().close();
});

async function axe(page, opties) {
    await page.evaluate(fs.readFileSync(path.join(hier, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const r = await page.evaluate((o) => window.axe.run(document, o), opties);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, aantal: v.nodes.length, voorbeeld: v.nodes[0]?.target.join(' ') }));
}

test('axe-core: geen ernstige of kritieke problemen op het formulier en het rapport', async () => {
    const page = await nieuwePagina();
    const bestand = path.join(voorbeelden, '03-analyse-wijk-noord.yaml');
    await page.locator('#bestand-openen').setInputFiles(bestand);
    await wachtOpAdvies(page);
    await page.locator('#v-metingen-0-waarde').fill('101');      // an error shown at its field is part of the check
    await page.getByRole('button', { name: 'Advies bijwerken' }).click();
    await wachtOpAdvies(page, { fout: true });
    const formulier = await axe(page, { iframes: false, resultTypes: ['violations'] });
    const ernstig = (v) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
    if (formulier.length) console.log('axe, formulier:', JSON.stringify(formulier));
    assert.deepEqual(ernstig(formulier), []);
    await page.context().close();

    for (const naam of ['06-evaluatie.yaml']) {      // the longest report: every section, charts, Tafel
        const r = await fetch(new URL('api/v1/advies', basis), { method: 'POST',
            headers: { 'Content-Type': 'application/yaml', Accept: 'text/html' }, body: fs.readFileSync(path.join(voorbeelden, naam)) });
        assert.equal(r.status, 200);
        const rapport = await (await browser.newContext()).newPage();
        await rapport.setContent(await r.text());
        const v = await axe(rapport, { resultTypes: ['violations'] });
        if (v.length) console.log(`axe, rapport ${naam}:`, JSON.stringify(v));
        assert.deepEqual(ernstig(v), [], naam);
        await rapport.context().close();
    }
});

// The service's report for a test profile of tests/advies/html, as it prints: at the width of an A4 page less its
// margins (180 mm, 680 px; 263 mm is 994 px high), with print media. `voorLaden` sees the page before the report is in.
async function rapportOpA4(bestand, voorLaden = async () => {}) {
    const profiel = fs.readFileSync(path.join(hier, '../advies/html', bestand));
    const r = await fetch(new URL('api/v1/advies', basis), { method: 'POST',
        headers: { 'Content-Type': 'application/yaml', Accept: 'text/html' }, body: profiel });
    assert.equal(r.status, 200);
    const context = await browser.newContext({ viewport: { width: 680, height: 994 } });
    const page = await context.newPage();
    await voorLaden(page);
    await page.setContent(await r.text());
    await page.emulateMedia({ media: 'print' });
    return { context, page };
}

// The report as an adviseur prints it for the bestuur (sessie 26, h-mend8): at the width of an A4 page less its
// margins (180 mm, 680 px), every chart fits on a page (an SVG does not break: one taller than the page lost
// its last rows), a closed fold stays off the paper and an opened one is printed, and printing fetches nothing.
test('afdrukken op A4: elke grafiek past op een pagina, uitklappers zoals de adviseur ze liet, niets van buiten', async () => {
    const buiten = [];
    const { context, page } = await rapportOpA4('lange-reeks.yaml',
        (p) => p.route('**/*', (route) => { buiten.push(route.request().url()); route.abort(); }));
    const hoogten = await page.locator('svg.grafiek').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().height));
    assert.ok(hoogten.length >= 3, `grafieken: ${hoogten}`);
    // 263 mm (A4 less 16 and 18 mm margins) is 994 px.
    assert.ok(hoogten.every((h) => h > 50 && h <= 994), `hoogten van de grafieken: ${hoogten}`);
    const zichtbaar = () => page.locator('details').evaluateAll((ds) => ds.map((d) => d.getClientRects().length > 0));
    assert.ok((await zichtbaar()).length > 0 && (await zichtbaar()).every((z) => !z), 'dichte uitklappers staan niet op papier');
    await page.locator('article.advies details').first().evaluate((d) => { d.open = true; });
    const na = await zichtbaar();
    assert.equal(na.filter(Boolean).length, 1, 'de opengeklapte afleiding wordt afgedrukt');
    assert.ok(await page.locator('article.advies details ul.afleiding').first().isVisible());
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length >= 3);
    assert.deepEqual(buiten, [], 'het rapport haalt niets van buiten');
    await context.close();
});

// The Tafel van 12 of a gemeente with fifteen actions (sessie 27, h-mend9): A4 less its margins is 680 px, under the
// breakpoint of a narrow screen, and the grid fell to one column of twelve boxes, 1.4 pages high. On paper: the three
// pillars side by side, the whole table on one page.
test('afdrukken op A4: de Tafel van 12 met vijftien acties staat in drie kolommen op één pagina', async () => {
    const { context, page } = await rapportOpA4('veel-acties.yaml');
    const tafel = page.locator('#tafel-van-12');
    assert.equal(await tafel.locator('li.factor ul li').count(), 15);
    const links = await tafel.locator('section.pijler').evaluateAll((ps) => ps.map((p) => Math.round(p.getBoundingClientRect().left)));
    assert.equal(new Set(links).size, 3, `de pijlers staan naast elkaar: ${links}`);
    const hoogte = (await tafel.boundingBox()).height;
    assert.ok(hoogte <= 994, `de Tafel van 12 is ${hoogte} px hoog; een A4-pagina 994 px`);
    assert.equal(await page.locator('div.tafel').evaluate((d) => getComputedStyle(d).breakInside), 'avoid');
    // Readable on paper: no text in the Tafel smaller than 7 pt (9.33 px).
    const kleinste = await tafel.evaluate((t) => Math.min(...[...t.querySelectorAll('*')]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((e) => parseFloat(getComputedStyle(e).fontSize))));
    assert.ok(kleinste >= 9.33, `kleinste letter in de Tafel: ${kleinste} px`);
    // On a narrow screen it is still one column.
    await page.emulateMedia({ media: 'screen' });
    const scherm = await tafel.locator('section.pijler').evaluateAll((ps) => ps.map((p) => Math.round(p.getBoundingClientRect().left)));
    assert.equal(new Set(scherm).size, 1, `smal scherm: ${scherm}`);
    await context.close();
});

test('schermafdrukken op telefoon (390 px) en desktop (1280 px), zonder horizontaal schuiven', async () => {
    fs.mkdirSync(uit, { recursive: true });
    for (const [naam, breedte, hoogte] of [['telefoon', 390, 844], ['desktop', 1280, 900]]) {
        const page = await nieuwePagina(breedte, hoogte);
        await page.locator('#bestand-openen').setInputFiles(path.join(voorbeelden, '03-analyse-wijk-noord.yaml'));
        await wachtOpAdvies(page);
        const breed = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(breed <= breedte, `${naam}: de pagina is ${breed} px breed bij een venster van ${breedte} px`);
        await page.screenshot({ path: path.join(uit, `webapp-${naam}.png`) });
        if (naam === 'desktop') await page.screenshot({ path: path.join(uit, `webapp-${naam}-volledig.png`), fullPage: true });
        if (naam === 'desktop') {
            // For the documentation: the rows of figures beside the advice itself.
            await page.evaluate(() => {
                document.querySelector('[data-pad="metingen.0"]').scrollIntoView();
                const paneel = document.getElementById('advies');
                const frame = document.getElementById('rapport');
                const lijst = frame.contentDocument.getElementById('adviezen');
                paneel.scrollTop = frame.offsetTop + lijst.getBoundingClientRect().top - 16;
            });
            await page.screenshot({ path: path.join(uit, 'webapp-desktop-advies.png') });
            // The frame grows with the report: a fold that opens makes it taller, not scrollable.
            const hoogte = () => page.locator('#rapport').evaluate((f) => f.getBoundingClientRect().height);
            const voor = await hoogte();
            await page.frameLocator('#rapport').locator('details summary').first().click();
            await page.waitForFunction((h) => document.getElementById('rapport').getBoundingClientRect().height > h, voor);
            const binnen = await page.locator('#rapport').evaluate((f) => f.contentDocument.documentElement.getBoundingClientRect().height);
            assert.ok(Math.abs((await hoogte()) - binnen) < 10, 'het frame is zo hoog als het rapport');
            // Printing the page shows the report alone.
            await page.emulateMedia({ media: 'print' });
            assert.equal(await page.locator('#profiel').isVisible(), false);
            assert.equal(await page.locator('#rapport').isVisible(), true);
        }
        schoon(page);
        await page.context().close();
    }
    for (const f of ['webapp-telefoon.png', 'webapp-desktop.png']) assert.ok(fs.statSync(path.join(uit, f)).size > 10000, f);
});

// The guided mode: the question now on screen is `${nummer}:${id}` in #gesprek[data-vraag], set once
// the service has answered; the advice beside it is in when #gesprek is no longer busy.
async function wachtOpVraag(page, begin) {
    await page.waitForFunction((b) => {
        const g = document.getElementById('gesprek');
        return (g.dataset.vraag || '').startsWith(b) && !g.hasAttribute('aria-busy');
    }, begin);
    return page.locator('#gesprek').getAttribute('data-vraag');
}

test('vraaggesprek: een gemeente die net begint, alleen met het toetsenbord, met "Weet ik niet" en "Terug"', async () => {
    const page = await nieuwePagina();
    const focus = () => page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim());
    const tab = async (n = 1) => { for (let i = 0; i < n; i++) await page.keyboard.press('Tab'); };
    // The start choice: a radio group in the tab order; an arrow key chooses the interview.
    let stappen = 0;
    while ((await focus()) !== 'werkwijze-formulier') {
        assert.ok(++stappen < 6, 'de keuze voor de werkwijze is met een paar tabs te bereiken');
        await tab();
    }
    await page.keyboard.press('ArrowUp');
    await wachtOpVraag(page, '1:gemeente.naam');
    assert.equal(await page.locator('#profiel').isVisible(), false, 'het formulier is weg');
    assert.equal(await focus(), 'antwoord-0', 'de focus staat in het antwoord op de eerste vraag');
    assert.equal(await page.getByLabel('Voor welke gemeente is dit profiel?').count(), 1);
    assert.match(await page.locator('#weet-niet').evaluate((b) => String(b.hidden)), /true/, 'de naam kent geen "weet ik niet"');

    let antwoorden = 0;
    let eersteAdvies = 0;
    const adviezen = () => page.evaluate(() => document.getElementById('rapport').contentDocument?.querySelectorAll('article.advies').length || 0);
    const beantwoord = async (volgende) => {
        await page.keyboard.press('Enter');
        await wachtOpVraag(page, volgende);
        antwoorden += 1;
        if (!eersteAdvies && (await adviezen()) > 0) eersteAdvies = antwoorden;
    };
    await page.keyboard.type('Stapdorp');
    await beantwoord('2:drijfveer.bepaald');
    // The same question, help and why as the service gives for this profile.
    const r = await fetch(new URL('api/v1/vragen', basis), { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ versie: 1, gemeente: { naam: 'Stapdorp' } }) });
    const [vraag] = (await r.json()).vragen;
    assert.equal((await page.locator('#vraagtekst').textContent()).trim(), vraag.tekst);
    assert.equal(await page.locator('#vraag-hulp').textContent(), vraag.hulp);
    assert.equal(await page.locator('#voortgang [aria-current=step]').textContent(), 'Stap 1: Bepaal de onderliggende drijfveer');
    // "Waarom deze vraag?" with the keyboard: Tab from the choices, Enter opens it.
    await tab();
    assert.equal(await focus(), 'Waarom deze vraag?');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#waarom').evaluate((d) => d.open), true);
    const waarom = await page.locator('#waarom-tekst').textContent();
    assert.ok(waarom.includes('drijfveer.bepalen') && waarom.includes(vraag.waarom.split('\n')[0].replace(/^Waarom nu: /, '')), waarom);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');                // "Ja"
    await beantwoord('3:drijfveer.soort');
    await page.keyboard.press('ArrowDown');            // the second choice: streven
    await beantwoord('4:drijfveer.gedeeld_met_bestuur');
    // "Terug" (after the choices: why, Volgende, Weet ik niet, Terug) asks the previous question again.
    await tab(4);
    assert.equal(await focus(), 'terug');
    await page.keyboard.press('Enter');
    await wachtOpVraag(page, '3:drijfveer.soort');
    assert.equal(await page.locator('input[name=antwoord]:checked').count(), 0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await wachtOpVraag(page, '4:drijfveer.gedeeld_met_bestuur');
    // "Weet ik niet": noted in the profile, and listed beside the questions.
    await tab(3);
    assert.equal(await focus(), 'weet-niet');
    await page.keyboard.press('Enter');
    await wachtOpVraag(page, '5:gemeente.inwoners');
    antwoorden += 1;
    assert.match(await page.locator('#onbekend').textContent(), /Delen bestuurders en managers deze drijfveer\?/);
    // An answer the service refuses: its message at the question, and the question stays.
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('gesprek').dataset.fout);
    const fout = await fetch(new URL('api/v1/vragen', basis), { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ versie: 1, gemeente: { naam: 'Stapdorp', inwoners: 0 } }) });
    assert.equal(fout.status, 422);
    const [melding] = (await fout.json()).fouten;
    assert.equal(melding.pad, 'gemeente.inwoners');
    assert.equal((await page.locator('#vraag-fouten').textContent()).trim(), melding.melding);
    assert.equal(await page.locator('#antwoord-0').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#gesprek').getAttribute('data-vraag'), /^5:gemeente\.inwoners/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('42.000');
    await beantwoord('6:bronnen');
    assert.equal(await page.locator('#voortgang [aria-current=step]').textContent(), 'Stap 2: Haal informatie op');

    // The first advice came within five questions, and what is shown is the command line's advice
    // on the profile the interview built (saved with the keyboard).
    assert.ok(eersteAdvies >= 1 && eersteAdvies <= 5, `eerste advies na ${eersteAdvies} vragen`);
    await page.locator('#opslaan').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const opgeslagen = path.join(werkmap, 'stapdorp.yaml');
    await download.saveAs(opgeslagen);
    assert.deepEqual(leesVoorbeeld(opgeslagen), { versie: 1, gemeente: { naam: 'Stapdorp', inwoners: 42000 },
        drijfveer: { bepaald: true, soort: 'streven' }, vraaggesprek: { onbekend: ['drijfveer.gedeeld_met_bestuur'] } });
    const getoondAdvies = await getoond(page);
    assert.ok(getoondAdvies.length > 0);
    assert.deepEqual(getoondAdvies, verwacht(cliAdvies(opgeslagen)));

    // axe-core on the guided view, with the why open.
    await page.locator('#waarom summary').focus();
    await page.keyboard.press('Enter');
    const v = await axe(page, { iframes: false, resultTypes: ['violations'] });
    if (v.length) console.log('axe, vraaggesprek:', JSON.stringify(v));
    assert.deepEqual(v.filter((x) => x.impact === 'serious' || x.impact === 'critical'), []);
    await page.evaluate(() => document.getElementById('gesprek').scrollIntoView());
    await page.screenshot({ path: path.join(uit, 'webapp-vraaggesprek.png') });

    // To the whole form and back: nothing answered is lost, "weet ik niet" included.
    await page.locator('#werkwijze-gesprek').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.body.dataset.modus === 'formulier');
    await wachtOpAdvies(page);
    assert.equal(await page.locator(veldId('gemeente.naam')).inputValue(), 'Stapdorp');
    assert.equal(await page.locator(veldId('drijfveer.soort')).inputValue(), 'streven');
    assert.deepEqual(leesVoorbeeld(await opslaanAls(page)), leesVoorbeeld(opgeslagen));
    await page.locator('#werkwijze-formulier').focus();
    await page.keyboard.press('ArrowUp');
    await wachtOpVraag(page, '1:bronnen');
    // Resuming from the saved file (after a new, empty interview): the first question still open.
    await page.evaluate(() => { window.confirm = () => true; });
    await page.getByRole('button', { name: 'Nieuw leeg profiel' }).click();
    await wachtOpVraag(page, '1:gemeente.naam');
    await page.locator('#bestand-openen').setInputFiles(opgeslagen);
    await wachtOpVraag(page, '1:bronnen');
    assert.match(await page.locator('#bestandsmelding').textContent(), /stapdorp\.yaml geopend\. Het vraaggesprek gaat verder/);
    assert.deepEqual(await getoond(page), getoondAdvies);
    schoon(page);
    await page.context().close();
});
