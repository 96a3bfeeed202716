// SPDX-License-Identifier: EUPL-1.2
// The guided interview in the web app (docs/vraaggesprek.md): one question at a time from
// POST api/v1/vragen, the same questions in the same order as `wegwijzer vraaggesprek`. The profile
// built so far is the only state; every answer is checked by the service (the same reader as the
// terminal's) before it is taken, and the advice beside it is refreshed after each one.
import { el, enkelVeld, haalPad, inVolgorde, ordenProfiel, padDelen, toonFouten, wisFouten, voegRijToe } from './formulier.js';
import { leesGetal } from './getal.js';
import { load } from './js-yaml.js';

// The stappenplan's steps as the terminal names them.
export const STAPPEN = ['Bepaal de onderliggende drijfveer', 'Haal informatie op', 'Maak de analyse',
    'Tijd voor beleidsmatige actie', 'Evalueer'];

// The name is the one question without a rule: without it there is no profile to ask the service
// about. The terminal asks it itself too, with the knowledge base's text (knowledge-base/vragen.yaml).
const NAAMVRAAG = {
    id: 'gemeente.naam', veld: 'gemeente.naam', tekst: 'Voor welke gemeente is dit profiel?',
    hulp: 'De naam komt in elk advies terug.', type: 'tekst', keuzes: [], stap: 1,
    waarom: 'Waarom nu: zonder naam is er geen profiel; de naam staat in elk advies.',
};

// The fields of the contract that take `onbekend` as a value (docs/gemeenteprofiel.md): "weet ik niet"
// writes it there when the section is already in the profile, as the terminal does; elsewhere the
// question goes to `vraaggesprek.onbekend`.
const VELDEN_MET_ONBEKEND = new Set(['analyse.problematisch', 'communicatie.frame']);

const kopie = (o) => (o === undefined ? undefined : JSON.parse(JSON.stringify(o)));
const heeftNaam = (p) => typeof p?.gemeente?.naam === 'string' && p.gemeente.naam.trim() !== '';

// Sets the field `pad` (`metingen[2].marge`: the second row) in `profiel`, and drops a "weet ik niet"
// for it, as the terminal's interview does.
function zetAntwoord(profiel, pad, waarde) {
    const delen = padDelen(pad);
    let o = profiel;
    for (const [i, d] of delen.slice(0, -1).entries()) {
        if (o[d] === null || typeof o[d] !== 'object') o[d] = typeof delen[i + 1] === 'number' ? [] : {};
        o = o[d];
    }
    o[delen[delen.length - 1]] = waarde;
    const onbekend = profiel.vraaggesprek?.onbekend;
    if (Array.isArray(onbekend)) {
        const rest = onbekend.filter((x) => x !== pad);
        if (rest.length) profiel.vraaggesprek.onbekend = rest;
        else delete profiel.vraaggesprek.onbekend;
        if (!Object.keys(profiel.vraaggesprek).length) delete profiel.vraaggesprek;
    }
}

async function vraagDienst(profiel) {
    let r;
    try {
        r = await fetch('api/v1/vragen', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(profiel),
        });
    } catch (e) {
        return { fouten: [{ melding: `de dienst is niet bereikbaar (${e.message}); probeer het zo opnieuw` }], status: 0 };
    }
    let doc = null;
    try { doc = await r.json(); } catch { /* not JSON: the status says enough */ }
    if (r.ok && Array.isArray(doc?.vragen)) return { vragen: doc.vragen };
    const fouten = Array.isArray(doc?.fouten) && doc.fouten.length ? doc.fouten : [{ melding: `de dienst antwoordde met status ${r.status}` }];
    return { fouten, status: r.status };
}

export class Gesprek {
    // `houder`: the section of index.html; `rijvelden(pad)`: the form's description of a list field
    // (its rows), or null; `veldsoort(pad)`: the type of the form's field for a path ('geheel',
    // 'getal', ...); `adviseer(profiel)`: refreshes the advice beside the questions.
    constructor(houder, { rijvelden, veldsoort, adviseer }) {
        this.houder = houder;
        this.rijvelden = rijvelden;
        this.veldsoort = veldsoort;
        this.adviseer = adviseer;
        this.$ = (id) => houder.querySelector(`#${id}`);
        // The help text moves into each question, right under its text.
        this.hulp = this.$('vraag-hulp');
        this.profielNu = { versie: 1 };
        this.vragen = [];
        this.geschiedenis = [];      // [{profiel, vragen}] before each answer of this session, for "Terug"
        this.teksten = new Map();    // question id -> text, for the list of what is still unknown
        this.gesteld = 0;
        this.$('vraag').addEventListener('submit', (e) => { e.preventDefault(); this.beantwoord(); });
        // Enter answers from a choice too, as it does from a text field (browsers submit only from the latter).
        this.$('vraag').addEventListener('keydown', (e) => {
            if (e.key === 'Enter' && !e.shiftKey && ['radio', 'checkbox'].includes(e.target.type)) {
                e.preventDefault();
                this.$('vraag').requestSubmit();
            }
        });
        this.$('weet-niet').addEventListener('click', () => this.weetNiet());
        this.$('terug').addEventListener('click', () => this.terug());
        this.$('terug-klaar').addEventListener('click', () => this.terug());
    }

    profiel() { return ordenProfiel(kopie(this.profielNu)); }

    // Starts, or resumes, with `profiel`. Returns the service's errors when the profile is not valid
    // (the interview then stays as it was), else null.
    async begin(profiel, { focus = false } = {}) {
        const p = kopie(profiel) || {};
        if (p.versie === undefined) p.versie = 1;
        let vragen = [];
        if (heeftNaam(p)) {
            const a = await vraagDienst(p);
            if (a.fouten) return a.fouten;
            vragen = a.vragen;
        }
        this.profielNu = p;
        this.vragen = vragen;
        this.geschiedenis = [];
        this.gesteld = 0;
        this.toon(focus);
        await this.adviseer(this.profiel());
        return null;
    }

    huidige() {
        if (!heeftNaam(this.profielNu)) return NAAMVRAAG;
        return this.vragen[0] || null;
    }

    // --- showing a question ----------------------------------------------------------------------

    toon(focus = true) {
        const v = this.huidige();
        const vraag = this.$('vraag');
        const klaar = this.$('gesprek-klaar');
        this.$('vraag-fouten').replaceChildren();
        this.$('vraag-fouten').hidden = true;
        this.toonVoortgang(v);
        this.toonOnbekend();
        this.$('terug').disabled = this.geschiedenis.length === 0;
        this.$('terug-klaar').disabled = this.geschiedenis.length === 0;
        if (!v) {
            vraag.hidden = true;
            klaar.hidden = false;
            this.$('gesprek-teller').textContent = `Klaar: er zijn geen vragen meer (${this.gesteld === 1 ? '1 antwoord' : `${this.gesteld} antwoorden`} in dit gesprek).`;
            this.houder.dataset.vraag = `klaar-${this.gesteld}`;
            if (focus) this.$('kop-klaar').focus();
            return;
        }
        this.teksten.set(v.id, v.tekst);
        vraag.hidden = false;
        klaar.hidden = true;
        this.$('gesprek-teller').textContent = `Vraag ${this.gesteld + 1} · Stap ${v.stap}: ${STAPPEN[v.stap - 1] || ''}`;
        this.hulp.textContent = v.hulp || '';
        this.$('weet-niet').hidden = v === NAAMVRAAG;
        const waarom = this.$('waarom');
        waarom.open = false;
        const inhoud = this.$('waarom-tekst');
        inhoud.replaceChildren();
        let lijst = null;
        for (const regel of String(v.waarom || '').split('\n')) {
            if (!regel.trim()) continue;
            if (/^\s+- /.test(regel)) {
                if (!lijst) inhoud.append(lijst = el('ul'));
                lijst.append(el('li', { tekst: regel.replace(/^\s+- /, '') }));
            } else {
                lijst = null;
                inhoud.append(el('p', { tekst: regel.trim() }));
            }
        }
        const plek = this.$('vraag-invoer');
        plek.replaceChildren(this.invoer(v));
        plek.querySelector('#vraagtekst').after(this.hulp);
        this.houder.dataset.vraag = `${this.gesteld + 1}:${v.id}`;
        if (focus) plek.querySelector('input, select, textarea, button')?.focus();
    }

    toonVoortgang(v) {
        const stappen = this.$('voortgang');
        for (const li of stappen.children) {
            const stap = Number(li.dataset.stap);
            const nu = v && stap === v.stap;
            if (nu) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
            li.classList.toggle('eerder', !v || stap < v.stap);
        }
    }

    toonOnbekend() {
        const lijst = Array.isArray(this.profielNu.vraaggesprek?.onbekend) ? this.profielNu.vraaggesprek.onbekend : [];
        const vak = this.$('onbekend');
        const ul = vak.querySelector('ul');
        ul.replaceChildren(...lijst.map((id) => el('li', { tekst: this.teksten.get(id) || id })));
        vak.hidden = lijst.length === 0;
    }

    // The control for the answer, as the question's type says.
    invoer(v) {
        const hulpId = 'vraag-hulp';
        if (v.type === 'ja-nee' || v.type === 'keuze' || v.type === 'meerkeuze') {
            const keuzes = v.type === 'ja-nee' ? [{ id: 'true', naam: 'Ja' }, { id: 'false', naam: 'Nee' }] : v.keuzes;
            const soort = v.type === 'meerkeuze' ? 'checkbox' : 'radio';
            const fs = el('fieldset', { class: 'keuzes', 'aria-describedby': hulpId, 'data-pad': v.veld },
                el('legend', { id: 'vraagtekst', class: 'vraagtekst', tekst: v.tekst }));
            keuzes.forEach((k, i) => {
                const id = `antwoord-${i}`;
                fs.append(el('div', { class: 'vakje' }, el('input', { type: soort, id, name: 'antwoord', value: k.id }),
                    el('label', { for: id, tekst: k.naam })));
            });
            if (soort === 'checkbox') fs.append(el('p', { class: 'hulp', tekst: 'Niets aangevinkt en dan "Volgende" betekent: geen van deze.' }));
            return fs;
        }
        if (v.type === 'lijst') {
            const houder = el('div', { class: 'lijstvraag', 'data-pad': v.veld });
            const beschrijving = this.rijvelden(v.veld);
            if (beschrijving) {
                // The form's own rows, with their choices and labels; no row filled in means "none".
                const blok = enkelVeld({ ...beschrijving, label: v.tekst, uitleg: undefined }, 'g-');
                const legend = blok.querySelector('legend');
                legend.id = 'vraagtekst';
                legend.classList.add('vraagtekst');
                blok.setAttribute('aria-describedby', hulpId);
                houder.append(blok, el('p', { class: 'hulp', tekst: 'Geen? Laat de rij leeg en kies "Volgende".' }));
                voegRijToe(blok, {});
                houder._lijst = true;
            } else {
                // A list the form does not know: one row per line, "sleutel: waarde, ...", as in the terminal.
                houder.append(el('p', { id: 'vraagtekst', class: 'vraagtekst', tekst: v.tekst }),
                    el('label', { for: 'antwoord-0', tekst: 'Je antwoord: één rij per regel, als "sleutel: waarde, sleutel: waarde"; leeg als er niets is' }),
                    el('textarea', { id: 'antwoord-0', rows: '5', spellcheck: 'false', 'aria-describedby': hulpId }));
            }
            return houder;
        }
        const attrs = { type: 'text', id: 'antwoord-0', name: 'antwoord', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': hulpId };
        if (v.type === 'getal') attrs.inputmode = 'decimal';
        if (v === NAAMVRAAG) attrs.autocomplete = 'organization';
        const huidig = haalPad(this.profielNu, v.veld);
        const invoer = el('input', attrs);
        if (huidig !== undefined && typeof huidig !== 'object') invoer.value = String(huidig);
        return el('div', { class: 'veld', 'data-pad': v.veld }, el('label', { for: 'antwoord-0', id: 'vraagtekst', class: 'vraagtekst', tekst: v.tekst }), invoer);
    }

    // The answer in the form of the profile, or {fout} when it cannot be one.
    lees(v) {
        const plek = this.$('vraag-invoer');
        if (v.type === 'ja-nee' || v.type === 'keuze') {
            const gekozen = plek.querySelector('input[name=antwoord]:checked');
            if (!gekozen) return { fout: 'Kies een antwoord, of kies "Weet ik niet".' };
            return { waarde: v.type === 'ja-nee' ? gekozen.value === 'true' : gekozen.value };
        }
        if (v.type === 'meerkeuze') {
            const ids = [...plek.querySelectorAll('input[name=antwoord]:checked')].map((c) => c.value);
            // The sources are rows (with where each comes from); the question asks only which.
            if (v.veld === 'bronnen') {
                const eerder = Array.isArray(this.profielNu.bronnen) ? this.profielNu.bronnen : [];
                return { waarde: ids.map((id) => eerder.find((r) => r?.id === id) || { id }) };
            }
            return { waarde: ids };
        }
        if (v.type === 'lijst') {
            const houder = plek.querySelector('.lijstvraag');
            if (houder._lijst) {
                const blok = houder.querySelector('[data-rijen]');
                const rijen = [];
                houder._rijen = [];
                [...blok.querySelectorAll('.rij')].forEach((rij, i) => {
                    const r = {};
                    for (const b of rij.querySelectorAll('[data-sleutel]')) {
                        if (b.tagName !== 'INPUT' && b.tagName !== 'SELECT') continue;
                        const t = b.value.trim();
                        if (t === '') continue;
                        const soort = b.dataset.type;
                        const n = soort === 'getal' || soort === 'geheel' ? leesGetal(t, soort) : undefined;
                        r[b.dataset.sleutel] = n !== undefined && Number.isFinite(n) ? n : b.tagName === 'INPUT' ? b.value : t;
                    }
                    if (Object.keys(r).length) { rijen.push(inVolgorde(r, blok._veld.opslaan)); houder._rijen.push(i); }
                });
                return { waarde: rijen };
            }
            const rijen = [];
            for (const regel of plek.querySelector('textarea').value.split('\n')) {
                const t = regel.trim();
                if (!t || t.toLowerCase() === 'geen') continue;
                let r;
                try { r = load(`{${t}}`); } catch { r = null; }
                if (r === null || typeof r !== 'object' || Array.isArray(r)) return { fout: `'${t}' is geen rij van 'sleutel: waarde, sleutel: waarde'.` };
                rijen.push(r);
            }
            return { waarde: rijen };
        }
        const t = plek.querySelector('input').value;
        if (v.type === 'getal') {
            if (!t.trim()) return { fout: 'Geef een getal, bijvoorbeeld 12 of 1,5; of kies "Weet ik niet".' };
            // The question says 'getal' for every number; the form's field says whether it is a whole one.
            const n = leesGetal(t, this.veldsoort?.(v.veld) || 'getal');
            if (n === undefined) return { fout: `'${t.trim()}' is geen getal; geef bijvoorbeeld 12 of 1,5.` };
            return { waarde: n };
        }
        if (!t.trim()) return { fout: v === NAAMVRAAG ? 'Geef de naam van de gemeente; zonder naam kan wegwijzer geen advies geven.' : 'Geef een tekst, of kies "Weet ik niet".' };
        return { waarde: v === NAAMVRAAG ? t.trim() : t };
    }

    // --- answering ---------------------------------------------------------------------------------

    toonFout(fouten) {
        const vak = this.$('vraag-fouten');
        const plek = this.$('vraag-invoer');
        wisFouten(plek);
        // Errors in a row of a list go to that row's field (paths count rows from 1, the form from 0).
        const houder = plek.querySelector('.lijstvraag');
        let los = fouten;
        if (houder?._lijst) {
            const veld = houder.dataset.pad;
            plek._rijen = { [veld]: houder._rijen || [] };
            los = toonFouten(plek, fouten.filter((f) => f.pad && f.pad !== veld && f.pad.startsWith(veld)));
            los = los.concat(fouten.filter((f) => !(f.pad && f.pad !== veld && f.pad.startsWith(veld))));
        }
        vak.replaceChildren(...los.map((f) => el('p', { class: 'veldfout', tekst: f.melding })));
        vak.hidden = los.length === 0;
        const b = plek.querySelector('input:not([type=checkbox]):not([type=radio]), textarea');
        if (b && !houder?._lijst) {
            b.setAttribute('aria-invalid', 'true');
            b.setAttribute('aria-describedby', 'vraag-hulp vraag-fouten');
        }
        this.houder.dataset.fout = String(Number(this.houder.dataset.fout || 0) + 1);
    }

    async neemOver(nieuw, v) {
        this.houder.setAttribute('aria-busy', 'true');
        try {
            const a = await vraagDienst(nieuw);
            if (a.fouten) {
                this.toonFout(a.fouten);
                return false;
            }
            this.geschiedenis.push({ profiel: this.profielNu, vragen: this.vragen });
            this.profielNu = nieuw;
            this.vragen = a.vragen;
            this.gesteld += 1;
            this.meldStatus(v);
            this.toon(true);
            await this.adviseer(this.profiel());
            return true;
        } finally {
            this.houder.removeAttribute('aria-busy');
        }
    }

    meldStatus(v) {
        const volgende = this.huidige();
        this.$('gesprek-status').textContent = volgende
            ? `Antwoord op "${v.tekst}" bewaard. Volgende vraag: ${volgende.tekst}`
            : `Antwoord op "${v.tekst}" bewaard. Er zijn geen vragen meer.`;
    }

    async beantwoord() {
        const v = this.huidige();
        if (!v || this.houder.hasAttribute('aria-busy')) return;
        const a = this.lees(v);
        if (a.fout) { this.toonFout([{ melding: a.fout }]); return; }
        const nieuw = kopie(this.profielNu);
        zetAntwoord(nieuw, v.veld, a.waarde);
        await this.neemOver(nieuw, v);
    }

    async weetNiet() {
        const v = this.huidige();
        if (!v || v === NAAMVRAAG || this.houder.hasAttribute('aria-busy')) return;
        const nieuw = kopie(this.profielNu);
        const sectie = v.veld.split('.')[0];
        if (VELDEN_MET_ONBEKEND.has(v.veld) && nieuw[sectie] && typeof nieuw[sectie] === 'object') {
            zetAntwoord(nieuw, v.veld, 'onbekend');
        } else {
            nieuw.vraaggesprek = nieuw.vraaggesprek && typeof nieuw.vraaggesprek === 'object' ? nieuw.vraaggesprek : {};
            const lijst = Array.isArray(nieuw.vraaggesprek.onbekend) ? nieuw.vraaggesprek.onbekend : [];
            if (!lijst.includes(v.id)) lijst.push(v.id);
            nieuw.vraaggesprek.onbekend = lijst;
        }
        await this.neemOver(nieuw, v);
    }

    async terug() {
        const vorige = this.geschiedenis.pop();
        if (!vorige) return;
        this.profielNu = vorige.profiel;
        this.vragen = vorige.vragen;
        this.gesteld = Math.max(0, this.gesteld - 1);
        this.$('gesprek-status').textContent = 'Het vorige antwoord is teruggenomen.';
        this.toon(true);
        await this.adviseer(this.profiel());
    }
}
