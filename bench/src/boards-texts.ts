/**
 * What the generated boards say: neighbours' posts on the three boards, comments and replies, and notices at
 * each level. `{n}` becomes a building number, so titles repeat less.
 */
export interface PostText {
  board: 'local' | 'help' | 'giveaway';
  kind: string;
  title: string;
  body: string;
}

export const POST_TEXTS: PostText[] = [
  {
    board: 'local',
    kind: 'matter',
    title: '{n}号楼门口路灯不亮了',
    body: '{n}号楼门口的路灯坏了好几天,晚上老人出门看不清台阶,麻烦居委会看看。',
  },
  {
    board: 'local',
    kind: 'matter',
    title: '{n}号楼楼道堆了很多纸箱',
    body: '{n}号楼二单元楼道里堆满了纸箱和旧家具,消防通道都快堵上了,请物业和网格员来看一下。',
  },
  {
    board: 'local',
    kind: 'matter',
    title: '小区东门的井盖松了',
    body: '东门进来第二个井盖踩上去会晃,下雨天尤其危险,孩子放学都走这里,请尽快处理。',
  },
  {
    board: 'local',
    kind: 'matter',
    title: '{n}号楼电梯又停了',
    body: '今天早上{n}号楼的电梯停在六楼不动了,楼里老人多,上下楼很不方便,维保什么时候来?',
  },
  {
    board: 'local',
    kind: 'complaint',
    title: '晚上广场舞音乐太响',
    body: '每天晚上九点以后小广场的音乐还开得很大,{n}号楼靠近广场的住户孩子没法睡觉,希望能协调一下时间和音量。',
  },
  {
    board: 'local',
    kind: 'complaint',
    title: '有人在绿化带里种菜',
    body: '{n}号楼前面的绿化带被人翻了种菜,还浇粪水,夏天味道很大,请居委会劝导一下。',
  },
  {
    board: 'local',
    kind: 'complaint',
    title: '快递车占用消防通道',
    body: '每天上午快递车都停在{n}号楼旁边的消防通道上,救护车进不来怎么办?',
  },
  {
    board: 'local',
    kind: 'suggestion',
    title: '建议在小广场加几张长椅',
    body: '傍晚跳舞和带孩子的人很多,能不能在小广场边上加几张长椅?',
  },
  {
    board: 'local',
    kind: 'suggestion',
    title: '建议增设电动车充电桩',
    body: '小区电动车越来越多,有人从楼上拉线充电很危险,建议在{n}号楼旁的空地增设集中充电桩。',
  },
  {
    board: 'local',
    kind: 'suggestion',
    title: '垃圾分类点能不能加个洗手池',
    body: '倒完湿垃圾手上很脏,建议在垃圾分类投放点旁边装一个洗手池,方便大家。',
  },
  {
    board: 'help',
    kind: 'request',
    title: '求助:谁会修自行车链条',
    body: '孩子的自行车掉链子了,自己装不上,有会修的邻居吗?',
  },
  {
    board: 'help',
    kind: 'request',
    title: '找人帮忙接送孩子',
    body: '下周我要出差三天,孩子在社区小学上二年级,想找一位邻居帮忙下午四点接一下,住{n}号楼。',
  },
  {
    board: 'help',
    kind: 'request',
    title: '老人想学用手机挂号',
    body: '家里老人想学用手机预约医院挂号和看医保余额,有没有年轻的邻居周末有空教一教?',
  },
  {
    board: 'help',
    kind: 'request',
    title: '借一个梯子用一下',
    body: '要换客厅的灯泡,家里没有梯子,哪位邻居可以借用半小时,用完马上还。',
  },
  {
    board: 'help',
    kind: 'offer',
    title: '周六上午可以帮老人搬重物',
    body: '周六上午有空,家里有米面、桶装水需要搬上楼的老人可以留言。',
  },
  {
    board: 'help',
    kind: 'offer',
    title: '退休教师免费辅导作业',
    body: '我是退休的数学老师,住{n}号楼,每周二、四晚上可以免费给小学生辅导作业。',
  },
  {
    board: 'help',
    kind: 'offer',
    title: '可以帮忙代收快递',
    body: '我白天在家,{n}号楼附近的邻居上班不方便收快递的,可以放我这里。',
  },
  {
    board: 'giveaway',
    kind: 'give',
    title: '送:九成新婴儿推车',
    body: '孩子大了用不上了,推车九成新,可折叠,免费送给有需要的邻居,自提。',
  },
  {
    board: 'giveaway',
    kind: 'give',
    title: '送:小学课本和练习册',
    body: '三年级上下册的课本和配套练习册,基本没写过,送给需要的小朋友,{n}号楼自取。',
  },
  {
    board: 'giveaway',
    kind: 'give',
    title: '送:一箱多肉植物',
    body: '搬家带不走,十几盆多肉连盆一起送,喜欢的邻居来拿。',
  },
  {
    board: 'giveaway',
    kind: 'give',
    title: '送:旧书桌一张',
    body: '实木书桌,有些划痕但很结实,需要自己搬,在{n}号楼一楼。',
  },
  {
    board: 'giveaway',
    kind: 'swap',
    title: '换:儿童绘本互换',
    body: '家里有三十多本绘本孩子看腻了,想和邻居换一些新的,适合三到六岁。',
  },
  {
    board: 'giveaway',
    kind: 'swap',
    title: '换:闲置电饭煲换电水壶',
    body: '全新电饭煲一个,想换一个电水壶,有意的邻居留言。',
  },
];

export const COMMENTS = [
  '我也遇到过,希望早点解决。',
  '赞成!',
  '我可以帮忙,晚上联系你。',
  '已经打过物业电话了,说明天来。',
  '楼上的邻居说得对。',
  '谢谢分享,我家孩子正好需要。',
  '这个问题反映好几次了。',
  '周末我有空,可以一起。',
  '还在吗?我想要。',
  '已私信。',
];

export const REPLIES = [
  '收到,已通知物业今天下午处理,谢谢提醒!',
  '居委会已经登记,网格员明天上门查看。',
  '谢谢建议,我们会在下次议事会上讨论。',
  '已联系相关单位,处理结果会在这里回复大家。',
];

export interface NoticeText {
  level: 'district' | 'street' | 'community' | 'grid';
  category: 'notice' | 'activity' | 'affairs_public' | 'work_result' | 'policy';
  title: string;
  body: string;
}

export const NOTICE_TEXTS: NoticeText[] = [
  {
    level: 'district',
    category: 'policy',
    title: '关于做好冬季燃气安全的告知书',
    body: '入冬以来燃气使用增多。请各户检查灶具软管是否老化,使用燃气时保持通风,人走火关。请每户阅读后确认。',
  },
  {
    level: 'district',
    category: 'policy',
    title: '城乡居民医保开始缴费',
    body: '城乡居民基本医疗保险集中缴费期为即日起至 12 月 31 日,可通过手机银行或到居委会办理。',
  },
  {
    level: 'district',
    category: 'notice',
    title: '区政务服务中心调整办公时间',
    body: '自下周一起,区政务服务中心工作日延长至 19:00,周六上午提供社保、户籍业务。',
  },
  {
    level: 'district',
    category: 'work_result',
    title: '区“一网统管”上季度办件情况通报',
    body: '上季度全区受理群众诉求一万余件,按期办结率 96%,满意率 93%。',
  },
  {
    level: 'street',
    category: 'notice',
    title: '部分区域计划停水通知',
    body: '因供水管网改造,本周四 9:00—17:00 街道部分小区停水,请提前储水。',
  },
  {
    level: 'street',
    category: 'activity',
    title: '街道社区运动会报名',
    body: '街道第五届社区运动会下月举行,设拔河、跳绳、趣味接力等项目,请到各居委会报名。',
  },
  {
    level: 'street',
    category: 'policy',
    title: '老旧小区加装电梯补贴政策解读',
    body: '符合条件的多层住宅加装电梯可申请市区两级补贴,街道将举办政策解读会。',
  },
  {
    level: 'community',
    category: 'activity',
    title: '重阳敬老:社区为 80 岁以上老人上门送温暖',
    body: '本周六上午,居委会和志愿者将为辖区高龄老人上门送去慰问品,并检查家中用电用气安全。',
  },
  {
    level: 'community',
    category: 'affairs_public',
    title: '社区季度居务公开',
    body: '一、收入:社区公益金 12,000 元。二、支出:楼道照明维修 3,200 元;老年活动室器材 4,800 元。如有疑问请到居委会查询凭证。',
  },
  {
    level: 'community',
    category: 'notice',
    title: '社区卫生服务站义诊',
    body: '本周三上午社区卫生服务站在小广场义诊,测血压、血糖,解答慢病用药问题。',
  },
  {
    level: 'community',
    category: 'affairs_public',
    title: '居民议事会决议公示',
    body: '经居民议事会表决,{n}号楼加装电梯方案进入征求意见阶段,公示期七天。',
  },
  {
    level: 'community',
    category: 'work_result',
    title: '楼道堆物清理完成情况',
    body: '本月共清理楼道堆物 46 处,{n}号楼、{m}号楼消防通道已全部畅通。',
  },
  {
    level: 'grid',
    category: 'notice',
    title: '网格:本周五楼道堆物集中清理',
    body: '本周五下午网格员和物业将集中清理楼道堆物,请居民提前把自家物品搬回家中。',
  },
];
