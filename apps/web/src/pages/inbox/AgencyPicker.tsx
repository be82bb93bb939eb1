/**
 * @module pages/inbox/AgencyPicker
 * Pick agencies from the directory: a combobox searched by any name within a chosen scope (the
 * document's unit with every unit below it, the unit alone, the unit above, the central bodies,
 * one unit below),
 * and a chip list for several (lead and support agencies, a collective mention).
 */
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Named } from "../../api/types.js";
import { useAgencySearch, useUnit, useUnitChildren, type Agency } from "./api.js";

export interface Scope {
  /** The unit's id, or null for the central bodies. */
  unit: number | null;
  /** Also every unit below it. */
  below?: boolean;
  label: string;
}

const scopeKey = (s: Scope) => `${s.unit ?? "central"}${s.below ? "+below" : ""}`;

/** Where to look: the document's unit first, then the unit above, the central bodies, the units below. */
export function useScopes(unitId: number | null): Scope[] {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  const parent = useUnit(unit.data?.parentId ?? null);
  const children = useUnitChildren(unitId);
  const scopes: Scope[] = [];
  if (unit.data && unit.data.level !== "commune") scopes.push({ unit: unit.data.id, below: true, label: t("inbox.picker.below", { name: unit.data.fullName }) });
  if (unit.data) scopes.push({ unit: unit.data.id, label: unit.data.fullName });
  if (parent.data) scopes.push({ unit: parent.data.id, label: parent.data.fullName });
  scopes.push({ unit: null, label: t("inbox.picker.central") });
  for (const c of children.data ?? []) scopes.push({ unit: c.id, label: c.fullName });
  return scopes;
}

interface PickerProps {
  label: string;
  scopes: Scope[];
  onPick(agency: Agency): void;
  exclude?: readonly number[];
  disabled?: boolean;
}

export function AgencyPicker({ label, scopes, onPick, exclude = [], disabled = false }: PickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  const [scope, setScope] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  useEffect(() => {
    const handle = setTimeout(() => setDebounced(q), 250);
    return () => clearTimeout(handle);
  }, [q]);
  const chosen = scopes.find((s) => scopeKey(s) === scope) ?? scopes[0] ?? { unit: null, label: "" };
  const search = useAgencySearch(debounced, chosen.unit, chosen.below === true, open && !disabled);
  const options = (search.data ?? []).filter((a) => !exclude.includes(a.id));
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const pick = (agency: Agency) => {
    onPick(agency);
    setQ("");
    setActiveIndex(-1);
    setOpen(false);
  };

  return (
    <div className="picker">
      <div className="picker-row">
        <div className="field picker-scope">
          <label htmlFor={`${id}-scope`}>{t("inbox.picker.scope")}</label>
          <select id={`${id}-scope`} value={scopeKey(chosen)} disabled={disabled} onChange={(e) => setScope(e.target.value)}>
            {scopes.map((s) => (
              <option key={scopeKey(s)} value={scopeKey(s)}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field picker-search">
          <label htmlFor={`${id}-q`}>{label}</label>
          <input
            id={`${id}-q`}
            type="search"
            role="combobox"
            autoComplete="off"
            data-testid="agency-picker"
            aria-autocomplete="list"
            aria-expanded={open && options.length > 0}
            aria-controls={listId}
            aria-activedescendant={open && activeIndex >= 0 && activeIndex < options.length ? optionId(activeIndex) : undefined}
            placeholder={t("inbox.picker.placeholder")}
            value={q}
            disabled={disabled}
            onChange={(e) => {
              setQ(e.target.value);
              setOpen(true);
              setActiveIndex(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setOpen(true);
                setActiveIndex((i) => Math.min(options.length - 1, i + 1));
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                setActiveIndex((i) => Math.max(0, i - 1));
              } else if (e.key === "Enter") {
                const option = options[activeIndex];
                if (open && option) {
                  e.preventDefault();
                  pick(option);
                }
              } else if (e.key === "Escape") {
                setOpen(false);
              }
            }}
          />
        </div>
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="picker-list" hidden={!open || options.length === 0}>
        {options.map((a, i) => (
          <li
            key={a.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={i === activeIndex ? "is-active" : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(a)}
          >
            <span>{a.name}</span>
            {a.fullName !== a.name && <span className="muted"> · {a.fullName}</span>}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {open && search.data ? t("inbox.picker.results", { count: options.length }) : ""}
      </p>
      {open && search.data && options.length === 0 && !search.isFetching && <p className="muted picker-empty">{t("inbox.picker.none")}</p>}
    </div>
  );
}

interface ChipsProps {
  label: string;
  value: Named[];
  onChange(value: Named[]): void;
  scopes: Scope[];
  disabled?: boolean;
}

/** Several agencies: chips to remove, a picker to add. */
export function AgencyChips({ label, value, onChange, scopes, disabled = false }: ChipsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="chips-field">
      <legend>{label}</legend>
      {value.length === 0 ? (
        <p className="muted">{t("inbox.picker.noneChosen")}</p>
      ) : (
        <ul className="chips">
          {value.map((a) => (
            <li key={a.id} className="chip">
              <span>{a.name}</span>
              <button type="button" className="chip-remove" disabled={disabled} aria-label={t("inbox.picker.remove", { name: a.name })} onClick={() => onChange(value.filter((v) => v.id !== a.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <AgencyPicker label={t("inbox.picker.add", { what: label })} scopes={scopes} disabled={disabled} exclude={value.map((v) => v.id)} onPick={(a) => onChange([...value, { id: a.id, name: a.fullName || a.name }])} />
    </fieldset>
  );
}
