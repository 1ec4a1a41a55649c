import Type from 'typebox';
import { NodeId } from './common.ts';
import { defineRoute } from './route.ts';

export const CommunityHome = Type.Object({
  community: Type.Object({
    id: NodeId,
    name: Type.String(),
    kind: Type.String(),
    code: Type.Union([Type.String(), Type.Null()]),
    street: Type.String(),
    district: Type.String(),
  }),
  /** The caller's own address and household, when they live here. */
  myHome: Type.Union([
    Type.Object({
      address: Type.String(),
      gridName: Type.Union([Type.String(), Type.Null()]),
      householdMembers: Type.Array(Type.Object({ name: Type.String(), relation: Type.String() })),
    }),
    Type.Null(),
  ]),
  /** Who to call: the committee and the caller's grid worker. */
  contacts: Type.Array(
    Type.Object({ role: Type.String(), name: Type.String(), phone: Type.String(), area: Type.String() }),
  ),
  stats: Type.Object({
    households: Type.Integer(),
    verifiedResidents: Type.Integer(),
    grids: Type.Integer(),
    buildings: Type.Integer(),
  }),
});

export const communityHome = defineRoute({
  method: 'GET',
  url: '/api/communities/:id/home',
  access: { action: 'community.read' },
  summary: "A community's home: who it is, your home and household, whom to call",
  tags: ['community'],
  params: Type.Object({ id: NodeId }),
  response: CommunityHome,
});
