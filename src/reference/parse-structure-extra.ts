import { codes, parseTable } from './parse-table.ts';
import type { Quarantine } from './quarantine.ts';

/**
 * The hand-sourced structure files in structure-extra/ (see structure-extra.md): sourced rows are
 * loaded as real; the *_unconfirmed rows are loaded as illustrative, each keeping its stated basis.
 */

export function parseSenates(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['senate_name', 'area_team_code'],
      row: ([name, at]) =>
        codes.areaTeamOds(at!) && name
          ? { senateName: name!, areaTeamCode: at!, basis: null as string | null }
          : `bad senate row "${name}","${at}"`,
      key: (r) => `${r.senateName}/${r.areaTeamCode}`,
    },
    q,
  );
}

export function parseSenatesUnconfirmed(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['senate_name', 'area_team_code', 'status', 'basis'],
      row: ([name, at, status, basis]) =>
        codes.areaTeamOds(at!) && name
          ? { senateName: name!, areaTeamCode: at!, basis: `${status}: ${basis}` }
          : `bad senate row "${name}","${at}"`,
      key: (r) => `${r.senateName}/${r.areaTeamCode}`,
    },
    q,
  );
}

export function parseCsuCodes(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['csu_name', 'ods_code', 'existed_apr_2013', 'note'],
      row: ([name, code, existed, note]) =>
        !name
          ? 'CSU row has no name'
          : code !== '' && !/^0[A-Z]{2}$/.test(code!)
            ? `CSU code "${code}" is not an ODS CSU code (0XX)`
            : !['yes', 'no'].includes(existed!)
              ? `existed_apr_2013 is "${existed}", expected yes or no`
              : {
                  name: name!,
                  odsCode: code || null,
                  existedApril2013: existed === 'yes',
                  note: note || null,
                },
      key: (r) => `CSU ${r.name}`,
    },
    q,
  );
}

export function parseCsuSupport(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['csu_name', 'csu_ods_code', 'ccg_code'],
      row: ([name, code, ccg]) =>
        codes.ccgOds(ccg!) && name
          ? { csuName: name!, csuCode: code || null, ccgCode: ccg!, basis: null as string | null }
          : `bad CSU row "${name}","${ccg}"`,
      key: (r) => `CCG ${r.ccgCode}`,
    },
    q,
  );
}

export function parseCsuSupportUnconfirmed(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['csu_name', 'csu_ods_code', 'ccg_code', 'status', 'basis'],
      row: ([name, code, ccg, status, basis]) =>
        codes.ccgOds(ccg!) && name
          ? { csuName: name!, csuCode: code || null, ccgCode: ccg!, basis: `${status}: ${basis}` }
          : `bad CSU row "${name}","${ccg}"`,
      key: (r) => `CCG ${r.ccgCode}`,
    },
    q,
  );
}

export function parseHubs(file: string, label: string, q: Quarantine) {
  return parseTable(
    file,
    label,
    {
      header: ['hub_name', 'hub_ods_code', 'kind', 'linked_area_team_code', 'link_status'],
      row: ([name, code, kind, at, status]) =>
        !/^1[0-9][A-Z]$/.test(code!)
          ? `hub code "${code}" is not an ODS hub code`
          : at !== '' && !codes.areaTeamOds(at!)
            ? `linked_area_team_code "${at}" is not a Q-code`
            : { name: name!, code: code!, kind: kind!, areaTeamCode: at || null, linkStatus: status || null },
      key: (r) => `hub ${r.code}`,
    },
    q,
  );
}
