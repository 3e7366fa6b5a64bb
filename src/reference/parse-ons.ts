import { codes, parseTable } from './parse-table.ts';
import type { Quarantine } from './quarantine.ts';

/** The ONS lookups (names and codes) as published on the Open Geography Portal. */

export function parseCcgNames(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['CCG13CD', 'CCG13CDH', 'CCG13NM'],
      encoding: 'windows-1252',
      row: ([ons, ods, name]) =>
        !codes.ccgOns(ons!)
          ? `CCG13CD "${ons}" is not an E38 code`
          : !codes.ccgOds(ods!)
            ? `CCG13CDH "${ods}" is not a CCG ODS code`
            : { onsCode: ons!, odsCode: ods!, name: name! },
      key: (r) => `CCG ${r.odsCode}`,
    },
    q,
  );
}

export function parseCcgAreaTeamRegion(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['CCG13CD', 'CCG13NM', 'NHSAT13CD', 'NHSAT13NM', 'NHSCR13CD', 'NHSCR13NM'],
      row: ([ccg, , at, atName, region, regionName]) =>
        !codes.ccgOns(ccg!)
          ? `CCG13CD "${ccg}" is not an E38 code`
          : !codes.areaTeamOns(at!)
            ? `NHSAT13CD "${at}" is not an E39 code`
            : !codes.regionOns(region!)
              ? `NHSCR13CD "${region}" is not an E40 code`
              : {
                  ccgOnsCode: ccg!,
                  areaTeamOnsCode: at!,
                  areaTeamName: atName!,
                  regionOnsCode: region!,
                  regionName: regionName!,
                },
      key: (r) => `CCG ${r.ccgOnsCode}`,
    },
    q,
  );
}

export function parseAreaTeamCodes(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['ons_code', 'hscic_code', 'name'],
      row: ([ons, ods, name]) =>
        !codes.areaTeamOns(ons!)
          ? `ons_code "${ons}" is not an E39 code`
          : !codes.areaTeamOds(ods!)
            ? `hscic_code "${ods}" is not a Q-code`
            : { onsCode: ons!, odsCode: ods!, name: name! },
      key: (r) => `area team ${r.onsCode}`,
    },
    q,
  );
}

export function parseLsoaLookup(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['LSOA11CD', 'LSOA11NM', 'CCG15CD', 'CCG15CDH', 'CCG15NM', 'LAD15CD', 'LAD15NM', 'FID'],
      row: ([lsoa, lsoaName, , ccg, ccgName, lad, ladName]) =>
        !codes.lsoa(lsoa!)
          ? `LSOA11CD "${lsoa}" is not an E01 code`
          : !codes.ccgOds(ccg!)
            ? `CCG15CDH "${ccg}" is not a CCG ODS code`
            : !codes.localAuthority(lad!)
              ? `LAD15CD "${lad}" is not an English local authority code`
              : {
                  lsoaCode: lsoa!,
                  lsoaName: lsoaName!,
                  ccgCode: ccg!,
                  ccgName: ccgName!,
                  ladCode: lad!,
                  ladName: ladName!,
                },
      key: (r) => `LSOA ${r.lsoaCode}`,
    },
    q,
  );
}

export function parseLadCounty(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['LAD15CD', 'LAD15CDO', 'LAD15NM', 'CTY15CD', 'CTY15CDO', 'CTY15NM', 'FID'],
      row: ([lad, , ladName, cty, , ctyName]) =>
        !codes.localAuthority(lad!)
          ? `LAD15CD "${lad}" is not an English local authority code`
          : !/^E1[0-3]\d{6}$/.test(cty!)
            ? `CTY15CD "${cty}" is not a county (E10), metropolitan county (E11) or Inner/Outer London (E13) code`
            : { ladCode: lad!, ladName: ladName!, countyCode: cty!, countyName: ctyName! },
      key: (r) => `district ${r.ladCode}`,
    },
    q,
  );
}

export function parsePcts(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['PCO12CD', 'PCO12CDO', 'PCO12NM'],
      row: ([ons, ods, name]) =>
        // E16 are PCTs (5xx); E17 are care trusts that held PCT functions (Txx).
        /^E1[67]\d{6}$/.test(ons!) && /^[5T][A-Z0-9]{2}$/.test(ods!)
          ? { onsCode: ons!, odsCode: ods!, name: name! }
          : `PCT codes "${ons}"/"${ods}" are not E16/E17 + 5xx/Txx codes`,
      key: (r) => `PCT ${r.odsCode}`,
    },
    q,
  );
}

export function parseShas(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['SHA12CD', 'SHA12CDO', 'SHA12NM'],
      row: ([ons, ods, name]) =>
        /^E18\d{6}$/.test(ons!) && /^Q\d{2}$/.test(ods!)
          ? { onsCode: ons!, odsCode: ods!, name: name! }
          : `SHA codes "${ons}"/"${ods}" are not E18 + Q-codes`,
      key: (r) => `SHA ${r.odsCode}`,
    },
    q,
  );
}

export function parsePctSha(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['PCO12CD', 'PCO12CDO', 'PCO12NM', 'SHA12CD', 'SHA12CDO', 'SHA12NM'],
      row: ([, pct, , , sha]) =>
        /^[5T][A-Z0-9]{2}$/.test(pct!) && /^Q\d{2}$/.test(sha!)
          ? { pctCode: pct!, shaCode: sha! }
          : `PCT→SHA codes "${pct}"→"${sha}" are not 5xx/Txx → Qnn`,
      // A PCT straddling two SHAs (e.g. Swindon, Tameside and Glossop) appears once per SHA.
      key: (r) => `PCT ${r.pctCode} in SHA ${r.shaCode}`,
    },
    q,
  );
}

export function parsePracticeLocations(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['practice', 'lat', 'lon'],
      row: ([code, lat, lon]) => {
        if (!/^[A-Z0-9]{5,6}$/.test(code!)) return `practice code "${code}" is not an ODS code`;
        if (lat === '' && lon === '') return { code: code!, lat: null, lon: null };
        const [la, lo] = [Number(lat), Number(lon)];
        // England and its islands lie within these bounds; anything outside is a typo.
        if (!(la >= 49 && la <= 56 && lo >= -7 && lo <= 2))
          return `location ${lat},${lon} is outside England`;
        return { code: code!, lat: la, lon: lo };
      },
      key: (r) => `practice ${r.code}`,
    },
    q,
  );
}
