/** @module pages/directory/types — the catalogue's shapes (GET /api/units, /api/agencies, /api/agencies/:id/tasks). */
export interface Unit {
  id: number;
  code: string;
  level: "province" | "district" | "commune" | string;
  name: string;
  fullName: string;
  unitType: string;
  parentId: number | null;
}

export interface Agency {
  id: number;
  unitId: number | null;
  level: string;
  kind: string;
  roleKey: string;
  name: string;
  fullName: string;
  retiredAt: string | null;
}

export interface AgencyWithAliases extends Agency {
  aliases: { id: number; alias: string }[];
}

export interface OpenShare {
  id: number;
  role: "lead" | "support";
  status: "open" | "in_progress";
  percent: number;
  dueAt: string | null;
  overdue: boolean;
  task: { id: number; ref: string | null; title: string; status: string; percent: number; documentId: string | null; documentCode: string | null; parentId: number | null };
}

export interface AgencyTasks {
  agency: { id: number; name: string };
  items: OpenShare[];
  total: number;
  overdue: number;
}
