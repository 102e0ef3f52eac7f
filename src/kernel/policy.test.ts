import { describe, expect, it } from 'vitest';
import type { Actor, Role, RoleGrant } from './actor';
import { ACTIONS, can, canAnywhere, ROLE_ACTIONS, scopesFor } from './policy';

const ZJJ = 'unit-zhujianju-qinshui';
const WTJ = 'unit-weitiju-qinshui';
const ZJJ_YANGCHENG = 'unit-zhujianju-yangcheng';

function actor(...grants: RoleGrant[]): Actor {
  return { userId: 'u1', username: 'u1', displayName: '测试', grants };
}

const qinshuiClerk = actor({ role: 'dept_clerk', regionCode: '140521', unitId: ZJJ });
const qinshuiApprover = actor({ role: 'dept_approver', regionCode: '140521', unitId: ZJJ });
const jinchengViewer = actor({ role: 'superior_viewer', regionCode: '140500' });
const qinshuiCoordinator = actor({ role: 'coordinator', regionCode: '140521' });
const nationalAdmin = actor({ role: 'admin', regionCode: '000000' });

describe('a clerk of 沁水县 住建局', () => {
  it('writes records of its own unit', () => {
    expect(can(qinshuiClerk, 'record.write', { regionCode: '140521', unitId: ZJJ })).toBe(true);
  });
  it('writes records of its unit filed under one of the county townships', () => {
    expect(can(qinshuiClerk, 'record.write', { regionCode: '140521100', unitId: ZJJ })).toBe(true);
  });
  it('does not write records of another unit in the same county', () => {
    expect(can(qinshuiClerk, 'record.write', { regionCode: '140521', unitId: WTJ })).toBe(false);
  });
  it('does not write records of another county, even of a unit with the same name', () => {
    expect(can(qinshuiClerk, 'record.write', { regionCode: '140522', unitId: ZJJ_YANGCHENG })).toBe(false);
    expect(can(qinshuiClerk, 'record.write', { regionCode: '140522', unitId: ZJJ })).toBe(false);
  });
  it('does not write records that belong to no unit', () => {
    expect(can(qinshuiClerk, 'record.write', { regionCode: '140521' })).toBe(false);
  });
  it('does not approve, not even its own unit', () => {
    expect(can(qinshuiClerk, 'record.approve', { regionCode: '140521', unitId: ZJJ })).toBe(false);
  });
  it('reads across the county but not outside it', () => {
    expect(can(qinshuiClerk, 'record.read', { regionCode: '140521', unitId: WTJ })).toBe(true);
    expect(can(qinshuiClerk, 'record.read', { regionCode: '140500' })).toBe(false);
    expect(can(qinshuiClerk, 'record.read', { regionCode: '410000' })).toBe(false);
  });
  it('manages nobody', () => {
    expect(canAnywhere(qinshuiClerk, 'user.manage')).toBe(false);
    expect(canAnywhere(qinshuiClerk, 'user.read')).toBe(false);
  });
});

describe('a department approver', () => {
  it('approves its own unit only', () => {
    expect(can(qinshuiApprover, 'record.approve', { regionCode: '140521', unitId: ZJJ })).toBe(true);
    expect(can(qinshuiApprover, 'record.approve', { regionCode: '140521', unitId: WTJ })).toBe(false);
    expect(can(qinshuiApprover, 'record.write', { regionCode: '140521', unitId: ZJJ })).toBe(false);
  });
});

describe('a superior viewer of 晋城市', () => {
  it('reads 沁水县 and its townships', () => {
    expect(can(jinchengViewer, 'record.read', { regionCode: '140521', unitId: ZJJ })).toBe(true);
    expect(can(jinchengViewer, 'plan.read', { regionCode: '140521100' })).toBe(true);
  });
  it('changes nothing', () => {
    const writes = ACTIONS.filter((a) => !a.endsWith('.read'));
    for (const action of writes) {
      expect(can(jinchengViewer, action, { regionCode: '140521', unitId: ZJJ })).toBe(false);
      expect(can(jinchengViewer, action, { regionCode: '140500' })).toBe(false);
    }
  });
  it('reads nothing of the province above or a neighbouring city', () => {
    expect(can(jinchengViewer, 'record.read', { regionCode: '140000' })).toBe(false);
    expect(can(jinchengViewer, 'record.read', { regionCode: '140100' })).toBe(false);
  });
});

describe('a county coordinator', () => {
  it('manages the plan and units of the county, and approves for any unit there', () => {
    expect(can(qinshuiCoordinator, 'plan.manage', { regionCode: '140521' })).toBe(true);
    expect(can(qinshuiCoordinator, 'unit.manage', { regionCode: '140521' })).toBe(true);
    expect(can(qinshuiCoordinator, 'record.approve', { regionCode: '140521', unitId: WTJ })).toBe(true);
  });
  it('does not reach up to the city or across to another county', () => {
    expect(can(qinshuiCoordinator, 'plan.manage', { regionCode: '140500' })).toBe(false);
    expect(can(qinshuiCoordinator, 'unit.manage', { regionCode: '140522' })).toBe(false);
  });
  it('does not manage users or read the audit log', () => {
    expect(can(qinshuiCoordinator, 'user.manage', { regionCode: '140521' })).toBe(false);
    expect(can(qinshuiCoordinator, 'audit.read', { regionCode: '140521' })).toBe(false);
  });
});

describe('other roles', () => {
  it('a national admin manages users and regions everywhere', () => {
    expect(can(nationalAdmin, 'user.manage', { regionCode: '220000' })).toBe(true);
    expect(can(nationalAdmin, 'region.manage', { regionCode: '140521100' })).toBe(true);
  });
  it('a deputy reads and votes in the county, and writes no records', () => {
    const deputy = actor({ role: 'deputy', regionCode: '140521' });
    expect(can(deputy, 'vote.cast', { regionCode: '140521' })).toBe(true);
    expect(can(deputy, 'vote.cast', { regionCode: '140522' })).toBe(false);
    expect(can(deputy, 'record.write', { regionCode: '140521' })).toBe(false);
  });
  it('the public role and an anonymous actor can do nothing that needs a role', () => {
    const resident = actor({ role: 'public', regionCode: '000000' });
    for (const action of ACTIONS) expect(can(resident, action, { regionCode: '140521' })).toBe(false);
    expect(can({ ...resident, userId: null, grants: [] }, 'record.read', { regionCode: '140521' })).toBe(
      false,
    );
  });
  it('several grants add up', () => {
    const both = actor(
      { role: 'dept_clerk', regionCode: '140521', unitId: ZJJ },
      { role: 'deputy', regionCode: '140521' },
    );
    expect(can(both, 'record.write', { regionCode: '140521', unitId: ZJJ })).toBe(true);
    expect(can(both, 'vote.cast', { regionCode: '140521' })).toBe(true);
    expect(scopesFor(both, 'record.read')).toEqual(['140521', '140521']);
  });
  it('every role lists only known actions', () => {
    for (const role of Object.keys(ROLE_ACTIONS) as Role[]) {
      for (const action of ROLE_ACTIONS[role]) expect(ACTIONS).toContain(action);
    }
  });
});
