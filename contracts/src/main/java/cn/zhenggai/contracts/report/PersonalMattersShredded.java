package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A person's personal matters keys were deleted (crypto-shredding, for retention rules): every declaration sealed
 * with them is unreadable from now on, while all events still replay. Not tied to one report (a person's key
 * seals all their declarations), so it is published without an aggregate.
 *
 * @param person      whose keys were deleted
 * @param department  code of the department of whoever shredded them
 * @param shreddedBy  user name of the organization department member who did it
 * @param keysDeleted how many key versions were deleted
 */
@Revision("1")
public record PersonalMattersShredded(String person, String department, String shreddedBy, int keysDeleted) {
}
