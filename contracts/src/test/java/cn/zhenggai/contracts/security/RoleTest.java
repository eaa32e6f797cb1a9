package cn.zhenggai.contracts.security;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Role names as tokens and the directory carry them, and the enum code decides on (ADR 0107). */
class RoleTest {

    @Test
    void aNameThatIsNotARoleGivesNoRoleAndNoException() {
        assertThat(Role.parse("PARTY_COMMITTEE")).contains(Role.PARTY_COMMITTEE);
        assertThat(Role.parse("party_committee")).isEmpty();
        assertThat(Role.parse("ADMIN")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
        assertThat(Role.parseAll(List.of("CADRE", "ROOT", "DEPT_HEAD"))).containsExactlyInAnyOrder(Role.CADRE,
                Role.DEPT_HEAD);
        assertThat(Role.parseAll(null)).isEmpty();
    }

    @Test
    void namesAreSortedByNameNotByDeclarationOrder() {
        assertThat(Role.names(EnumSet.of(Role.PARTY_COMMITTEE, Role.CADRE, Role.DISCIPLINE)))
                .containsExactly("CADRE", "DISCIPLINE", "PARTY_COMMITTEE");
    }

    @Test
    void onlyThePartyCommitteeTheOrganizationDepartmentAndDisciplineSeeEveryDepartment() {
        assertThat(Role.CROSS_DEPARTMENT).containsExactlyInAnyOrder(Role.PARTY_COMMITTEE, Role.ORG_DEPT,
                Role.DISCIPLINE);
    }

    @Test
    void theRolesOfDesignSectionOneKeepTheirNames() {
        assertThat(Role.values()).extracting(Role::name).containsExactly("CADRE", "DEPT_LIAISON", "DEPT_HEAD",
                "PARTY_COMMITTEE", "ORG_DEPT", "DISCIPLINE", "MONITORING");
    }
}
