// SPDX-License-Identifier: EUPL-1.2
// The web app: the form or the guided interview (vraaggesprek.js), the live advice from
// POST api/v1/advies (the HTML report, shown in a sandboxed frame), opening and saving a profile,
// printing. URLs are relative, so the app also works behind a reverse proxy under a sub-path.
import { beschrijving, bouwFormulier, leesProfiel, veldSoort, vulFormulier, toonFouten, wisFouten } from './formulier.js';
import { Gesprek, STAPPEN } from './vraaggesprek.js';
import { alsYaml, leesProfielTekst, LeesFout } from './yaml.js';

const $ = (id) => document.getElementById(id);
const form = $('profiel');
const frame = $('rapport');
const status = $('advies-status');
const algemeen = $('algemene-fouten');
const bestandsmelding = $('bestandsmelding');
const gesprekvak = $('gesprek');

// 'formulier' or 'gesprek': which of the two fills the profile. The other one is brought up to date
// when the user switches, so that nothing answered is lost.
let modus = 'formulier';
let gesprek = null;
const huidigProfiel = () => (modus === 'gesprek' ? gesprek.profiel() : leesProfiel(form));

const WACHTTIJD_MS = 350;

// --- the vocabulary ------------------------------------------------------------------------------

const eersteHoofdletter = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// The lists of the knowledge base's vocabulary, wherever the document keeps them.
function zoekLijst(o, naam, diepte = 0) {
    if (!o || typeof o !== 'object' || diepte > 3) return null;
    if (Array.isArray(o[naam])) return o[naam];
    for (const v of Object.values(o)) {
        if (v && typeof v === 'object' && !Array.isArray(v)) {
            const r = zoekLijst(v, naam, diepte + 1);
            if (r) return r;
        }
    }
    return null;
}

function item(x, ...namen) {
    if (typeof x === 'string') return { id: x, naam: x };
    const naam = namen.map((n) => x[n]).find((v) => typeof v === 'string' && v);
    return { ...x, id: String(x.id), naam: eersteHoofdletter(naam || String(x.id)) };
}

// Ids and titles of an enum in the JSON Schema, the fallback when the knowledge base lists no names.
function uitSchema(schema, pad) {
    let n = schema;
    for (const d of pad) {
        if (!n) return null;
        if (n.$ref && schema.$defs) n = schema.$defs[n.$ref.split('/').pop()];
        n = d === '[]' ? n?.items : n?.properties?.[d];
    }
    if (n?.$ref && schema.$defs) n = schema.$defs[n.$ref.split('/').pop()];
    if (n?.items) n = n.items;
    if (n?.$ref && schema.$defs) n = schema.$defs[n.$ref.split('/').pop()];
    const keuzes = n?.oneOf || n?.anyOf;
    if (Array.isArray(keuzes) && keuzes.every((k) => 'const' in k)) return keuzes.map((k) => ({ id: String(k.const), naam: k.title || String(k.const) }));
    if (Array.isArray(n?.enum)) return n.enum.map((e) => ({ id: String(e), naam: String(e) }));
    return null;
}

async function haalJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(`${url}: status ${r.status}`);
    return r.json();
}

async function woordenschat() {
    const kb = await haalJson('api/v1/kennisbank');
    const w = {
        factoren: (zoekLijst(kb, 'factoren') || []).map((x) => item(x, 'naam', 'title')),
        bronnen: (zoekLijst(kb, 'bronnen') || []).map((x) => item(x, 'naam', 'omschrijving', 'title')),
        indicatoren: (zoekLijst(kb, 'indicatoren') || []).map((x) => item(x, 'naam', 'betekenis', 'title')),
    };
    if (!w.factoren.length || !w.bronnen.length || !w.indicatoren.length) {
        const schema = await haalJson('api/v1/schema/gemeenteprofiel');
        w.factoren = w.factoren.length ? w.factoren : uitSchema(schema, ['analyse', 'factoren']) || [];
        w.bronnen = w.bronnen.length ? w.bronnen : uitSchema(schema, ['bronnen', '[]', 'id']) || [];
        w.indicatoren = w.indicatoren.length ? w.indicatoren : uitSchema(schema, ['metingen', '[]', 'indicator']) || [];
    }
    const versie = [kb.naam, kb.versie].filter(Boolean).join(' ');
    if (versie) $('kennisbank-versie').textContent = `Kennisbank: ${versie}.`;
    return w;
}

// --- the report frame ----------------------------------------------------------------------------

// The report arrives as a whole document; its body goes into a frame that runs no script at all
// (sandbox without allow-scripts, and its own CSP), and its stylesheet is adopted rather than inlined
// so that the page's CSP needs no 'unsafe-inline'.
const RAAMWERK = '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
    + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; style-src \'unsafe-inline\'">'
    + '<title>Adviesrapport</title></head><body></body></html>';
let raamKlaar = null;
let stijl = null;

function raam() {
    if (!raamKlaar) {
        raamKlaar = new Promise((klaar) => frame.addEventListener('load', () => {
            // The frame is as tall as the report (the page scrolls, not the frame), also when a fold
            // in the report opens or the window changes width.
            new ResizeObserver(pasHoogteAan).observe(frame.contentDocument.documentElement);
            klaar(frame.contentDocument);
        }, { once: true }));
        frame.srcdoc = RAAMWERK;
    }
    return raamKlaar;
}

function pasHoogteAan() {
    const d = frame.contentDocument;
    // The html element's own height, not scrollHeight: that never drops below the frame's height.
    if (d?.documentElement) frame.style.height = `${Math.ceil(d.documentElement.getBoundingClientRect().height) + 4}px`;
}

async function toonRapport(html) {
    // The stylesheet is taken out before parsing: a parsed <style> would already be a CSP violation.
    let css = '';
    const zonderStijl = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, t) => { css += t; return ''; });
    const nieuw = new DOMParser().parseFromString(zonderStijl, 'text/html');
    frame.hidden = false;
    const d = await raam();
    if (!stijl) {
        stijl = new frame.contentWindow.CSSStyleSheet();
        d.adoptedStyleSheets = [stijl];
    }
    if (css !== stijl._tekst) {
        stijl.replaceSync(css);
        stijl._tekst = css;
    }
    d.title = nieuw.title;
    d.body.replaceWith(d.importNode(nieuw.body, true));
    frame.classList.remove('verouderd');
    pasHoogteAan();
    return d;
}

// --- talking to the service ----------------------------------------------------------------------

// The status line is a live region: it changes only when its text does, so that a screen reader
// does not repeat "bijgewerkt" after every pause in typing.
function meld(tekst, fout = false) {
    if (status.textContent !== tekst) status.textContent = tekst;
    status.classList.toggle('fout', fout);
}

let volgnummer = 0;
let lopend = null;
let timer = null;

function toonAlgemeen(fouten) {
    algemeen.replaceChildren();
    if (!fouten.length) { algemeen.hidden = true; return; }
    const kop = document.createElement('p');
    kop.textContent = fouten.length === 1 ? 'Het profiel bevat een fout:' : `Het profiel bevat ${fouten.length} fouten:`;
    const ul = document.createElement('ul');
    for (const f of fouten) {
        const li = document.createElement('li');
        li.textContent = (f.pad ? `${f.pad}: ` : '') + f.melding;
        ul.append(li);
    }
    algemeen.append(kop, ul);
    algemeen.hidden = false;
}

async function verstuur() {
    clearTimeout(timer);
    const nummer = ++volgnummer;
    lopend?.abort();
    lopend = new AbortController();
    const profiel = huidigProfiel();
    const paneel = modus === 'gesprek' ? gesprekvak : form;
    if (modus === 'gesprek' && !(typeof profiel.gemeente?.naam === 'string' && profiel.gemeente.naam.trim())) {
        // The interview asks the name first; before that there is nothing to advise on.
        frame.hidden = true;
        meld('Nog geen advies: beantwoord eerst de vraag naar de naam van de gemeente.');
        document.body.dataset.advies = `leeg-${nummer}`;
        return;
    }
    // Without a name the service would miss the whole section; an empty name gets its message at the field.
    if (profiel.gemeente?.naam === undefined) profiel.gemeente = { naam: '', ...profiel.gemeente };
    paneel.setAttribute('aria-busy', 'true');
    try {
        const r = await fetch('api/v1/advies', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'text/html' },
            body: JSON.stringify(profiel),
            signal: lopend.signal,
        });
        const tekst = await r.text();
        if (nummer !== volgnummer) return;
        if (r.ok) {
            wisFouten(form);
            toonAlgemeen([]);
            const d = await toonRapport(tekst);
            if (nummer !== volgnummer) return;
            const n = d.querySelectorAll('article.advies').length;
            const samenvatting = d.querySelector('p.samenvatting')?.textContent.trim();
            meld(`Advies bijgewerkt. ${samenvatting || (n === 1 ? '1 advies.' : `${n} adviezen.`)}`);
            document.body.dataset.advies = String(nummer);
        } else {
            let fouten = [];
            try { fouten = JSON.parse(tekst).fouten || []; } catch { /* not JSON: the status says enough */ }
            if (!fouten.length) fouten = [{ melding: `de dienst antwoordde met status ${r.status}` }];
            // The interview has the service check each answer before it takes it; this is for the form.
            const los = r.status === 422 && modus === 'formulier' ? toonFouten(form, fouten) : fouten;
            toonAlgemeen(los);
            frame.classList.add('verouderd');
            meld((fouten.length === 1 ? 'Het profiel bevat een fout' : `Het profiel bevat ${fouten.length} fouten`)
                + (frame.hidden ? '.' : '; het advies hieronder hoort bij de laatste juiste invulling.'), true);
            document.body.dataset.advies = `fout-${nummer}`;
        }
    } catch (e) {
        if (e.name === 'AbortError' || nummer !== volgnummer) return;
        meld(`De dienst is niet bereikbaar (${e.message}). Je invulling blijft staan; probeer het zo opnieuw.`, true);
        document.body.dataset.advies = `fout-${nummer}`;
    } finally {
        if (nummer === volgnummer) paneel.removeAttribute('aria-busy');
    }
}

function plan() {
    clearTimeout(timer);
    timer = setTimeout(verstuur, WACHTTIJD_MS);
}

// --- open, save, print ---------------------------------------------------------------------------

function bestandsnaam() {
    const naam = String(huidigProfiel().gemeente?.naam || 'gemeente');
    const kort = naam.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return `${kort || 'gemeente'}.yaml`;
}

function opslaan() {
    const blob = new Blob([alsYaml(huidigProfiel())], { type: 'application/yaml' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = bestandsnaam();
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    bestandsmelding.textContent = `Opgeslagen als ${a.download}.`;
}

async function openen(bestand) {
    bestandsmelding.className = 'melding';
    let profiel;
    try {
        profiel = leesProfielTekst(await bestand.text());
    } catch (e) {
        const plek = e instanceof LeesFout && e.regel ? `:${e.regel}:${e.kolom ?? 1}` : '';
        bestandsmelding.textContent = `${bestand.name}${plek}: fout: ${e.message}. Het formulier is niet veranderd.`;
        bestandsmelding.className = 'melding fout';
        return;
    }
    if (modus === 'gesprek') {
        // Resuming: the interview goes on at the first question still open for this profile.
        const fouten = await gesprek.begin(profiel, { focus: true });
        if (!fouten) {
            bestandsmelding.textContent = `${bestand.name} geopend. Het vraaggesprek gaat verder bij de eerste vraag die nog open staat.`;
            return;
        }
        // A profile with errors is shown in the form, where each error stands at its field.
        toonModus('formulier');
        vulFormulier(form, profiel);
        bestandsmelding.textContent = `${bestand.name} geopend, maar het profiel bevat fouten; het formulier toont ze bij de velden. `
            + 'Het vraaggesprek kan verder zodra ze hersteld zijn.';
        bestandsmelding.className = 'melding fout';
        await verstuur();
        return;
    }
    const onbekend = vulFormulier(form, profiel);
    bestandsmelding.textContent = `${bestand.name} geopend.`
        + (onbekend.length ? ` Niet overgenomen (het formulier kent deze sleutels niet): ${onbekend.join(', ')}.` : '');
    if (onbekend.length) bestandsmelding.className = 'melding fout';
    await verstuur();
}

async function afdrukken() {
    if (frame.hidden) await verstuur();
    if (!frame.hidden) frame.contentWindow.print();
}

function leegmaken() {
    if (!window.confirm(modus === 'gesprek' ? 'Alle antwoorden wissen en het vraaggesprek opnieuw beginnen?'
        : 'Alles in het formulier wissen en met een leeg profiel beginnen?')) return;
    if (modus === 'gesprek') {
        gesprek.begin({ versie: 1 }, { focus: true });
        return;
    }
    vulFormulier(form, { versie: 1 });
    wisFouten(form);
    toonAlgemeen([]);
    frame.hidden = true;
    meld('Nog geen advies: vul ten minste de naam van de gemeente in.');
    $('v-gemeente-naam').focus();
}

// --- form or interview ----------------------------------------------------------------------------

function toonModus(m) {
    modus = m;
    form.hidden = m !== 'formulier';
    gesprekvak.hidden = m !== 'gesprek';
    $(m === 'gesprek' ? 'werkwijze-gesprek' : 'werkwijze-formulier').checked = true;
    document.body.dataset.modus = m;
}

async function wissel(naar) {
    if (naar === modus) return;
    bestandsmelding.textContent = '';
    bestandsmelding.className = 'melding';
    if (naar === 'formulier') {
        const profiel = gesprek.profiel();
        toonModus('formulier');
        vulFormulier(form, profiel);
        await verstuur();
        return;
    }
    // The interview starts from what the form holds; it asks only what is still open.
    const profiel = leesProfiel(form);
    toonModus('gesprek');
    const fouten = await gesprek.begin(profiel, { focus: true });
    if (fouten) {
        toonModus('formulier');
        bestandsmelding.textContent = 'Het vraaggesprek kan pas beginnen als het profiel klopt; de fouten staan bij de velden.';
        bestandsmelding.className = 'melding fout';
        await verstuur();
    }
}

// --- start ---------------------------------------------------------------------------------------

async function start() {
    let w;
    try {
        w = await woordenschat();
    } catch (e) {
        $('laden').textContent = `De kennisbank kon niet worden geladen (${e.message}). Herlaad de pagina of neem contact op met de beheerder.`;
        $('laden').className = 'melding fout';
        return;
    }
    const velden = beschrijving(w);
    bouwFormulier($('secties'), velden);
    $('voortgang').replaceChildren(...STAPPEN.map((naam, i) => {
        const li = document.createElement('li');
        li.dataset.stap = String(i + 1);
        li.textContent = `Stap ${i + 1}: ${naam}`;
        return li;
    }));
    const alleVelden = velden.flatMap((s) => s.velden);
    gesprek = new Gesprek(gesprekvak, {
        rijvelden: (pad) => alleVelden.find((v) => v.pad === pad && v.type === 'rijen') || null,
        veldsoort: (pad) => veldSoort(velden, pad),
        adviseer: () => verstuur(),
    });
    for (const r of document.querySelectorAll('input[name=werkwijze]')) r.addEventListener('change', () => { if (r.checked) wissel(r.value); });
    $('naar-formulier').addEventListener('click', () => wissel('formulier'));
    form._versie = 1;
    $('laden').remove();
    form.addEventListener('input', plan);
    form.addEventListener('change', plan);
    form.addEventListener('submit', (e) => { e.preventDefault(); verstuur(); });
    $('opslaan').addEventListener('click', opslaan);
    $('afdrukken').addEventListener('click', afdrukken);
    $('leegmaken').addEventListener('click', leegmaken);
    $('bestand-openen').addEventListener('change', (e) => {
        const f = e.target.files[0];
        if (f) openen(f).finally(() => { e.target.value = ''; });
    });
    document.body.dataset.klaar = 'ja';
}

start();
