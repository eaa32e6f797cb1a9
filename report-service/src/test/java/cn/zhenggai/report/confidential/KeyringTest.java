package cn.zhenggai.report.confidential;

import cn.zhenggai.contracts.report.PersonalMattersShredded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class KeyringTest {

    @Test
    void everyShreddingIsRecordedForThePerson() {
        AggregateTestFixture<Keyring> fixture = new AggregateTestFixture<>(Keyring.class);
        fixture.givenNoPriorActivity()
                .when(new Keyring.RecordShredding("keyring-demo-dept", "demo-dept", 1, "demo-org", "ZZB"))
                .expectEvents(new PersonalMattersShredded("demo-dept", "ZZB", "demo-org", 1));
        fixture.given(new PersonalMattersShredded("demo-dept", "ZZB", "demo-org", 1))
                .when(new Keyring.RecordShredding("keyring-demo-dept", "demo-dept", 1, "demo-org", "ZZB"))
                .expectEvents(new PersonalMattersShredded("demo-dept", "ZZB", "demo-org", 1));
    }
}
