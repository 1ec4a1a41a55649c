/** Problem titles and field messages of the resident registry and policy outreach (modules/registry). */
import { PLACES_FIELDS, PLACES_PROBLEMS } from './places-messages.ts';
import { TRANSFER_FIELDS, TRANSFER_PROBLEMS } from './transfer-messages.ts';

type Catalog = Record<string, { 'zh-CN': string; en: string }>;

const BOTH: Catalog = {
  id_format: { 'zh-CN': '身份证号码格式不正确(18 位)', en: 'The ID number must have 18 characters' },
  id_checksum: {
    'zh-CN': '身份证号码校验位不正确,请核对最后一位',
    en: 'The ID number’s check character is wrong; check the last character',
  },
  id_birth_date: {
    'zh-CN': '身份证号码中的出生日期无效或晚于今天',
    en: 'The birth date in the ID number is invalid or in the future',
  },
  already_registered: {
    'zh-CN': '该身份证号已登记在某一户中,一人只能属于一户',
    en: 'This ID number is already registered in a household; a person belongs to one household only',
  },
  head_exists: { 'zh-CN': '该户已有户主', en: 'This household already has a head' },
  head_required: {
    'zh-CN': '新立户的第一位成员须为户主',
    en: 'The first member of a new household must be its head',
  },
  not_a_room: { 'zh-CN': '请选择到具体户室', en: 'Pick a room' },
  tag_derived: {
    'zh-CN': '该标签按出生日期自动计算,不能手工设置',
    en: 'This tag follows from the birth date and cannot be set by hand',
  },
  tag_level: { 'zh-CN': '请选择有效的等级', en: 'Pick a valid level' },
  other_community: {
    'zh-CN': '只能迁往本社区的户室;迁往其他社区请在新社区登记',
    en: 'A household moves within its community; register it in the new community instead',
  },
  same_room: { 'zh-CN': '已在该户室', en: 'The household already lives there' },
  room_occupied: { 'zh-CN': '该户室已有住户', en: 'Another household lives in that room' },
  valid_to_before_from: { 'zh-CN': '截止日期不能早于起始日期', en: 'The end date cannot be before the start date' },
};

export const REGISTRY_PROBLEMS: Catalog = {
  ...BOTH,
  upload_offset: {
    'zh-CN': '上传位置与已接收的大小不一致:已接收 {size} 字节,请从该处继续上传',
    en: 'This part does not start where the upload stands: {size} bytes received; continue from there',
  },
  own_export: { 'zh-CN': '不能审批自己的导出申请', en: 'You cannot decide your own export request' },
  already_decided: { 'zh-CN': '该申请已处理', en: 'This request has already been decided' },
  export_expired: {
    'zh-CN': '审批已过期,请重新申请导出',
    en: 'The approval has expired; request the export again',
  },
  export_not_approved: { 'zh-CN': '该导出申请尚未获批', en: 'This export request is not approved' },
  import_running: { 'zh-CN': '该文件正在导入,请等待完成', en: 'This file is being imported; wait until it is done' },
  tag_not_settable: { 'zh-CN': '您的角色不能设置该标签', en: 'Your role may not set this tag' },
  ...TRANSFER_PROBLEMS,
  ...PLACES_PROBLEMS,
};

export const REGISTRY_FIELDS: Catalog = { ...BOTH, ...TRANSFER_FIELDS, ...PLACES_FIELDS };
