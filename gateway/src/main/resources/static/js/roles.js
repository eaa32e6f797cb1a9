// Roles from the access token's claims (DESIGN §1). The UI shows only what a role may do; the services decide.
export const DEPARTMENT_ROLES = ['CADRE', 'DEPT_LIAISON', 'DEPT_HEAD'];
export const CROSS_DEPARTMENT = ['PARTY_COMMITTEE', 'ORG_DEPT', 'DISCIPLINE'];

export const ROLE_NAMES = {
  CADRE: '领导干部', DEPT_LIAISON: '部门联络员', DEPT_HEAD: '部门负责人',
  PARTY_COMMITTEE: '党委', ORG_DEPT: '组织部', DISCIPLINE: '纪检监察',
  MONITORING: '运维监控',
};

export const roles = (user) => (user && Array.isArray(user.roles) ? user.roles : []);
export const hasAny = (user, wanted) => roles(user).some((r) => wanted.includes(r));
export const crossDepartment = (user) => hasAny(user, CROSS_DEPARTMENT);
/** May the user see this department's data? Mirrors the services' rule (they check again). */
export const canSee = (user, department) => crossDepartment(user) || (user && user.dept === department);
