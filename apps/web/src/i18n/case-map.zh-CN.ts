/** 诉求地图 (key `caseMap`): the console's map of cases over community, grid and building outlines. */
const caseMap = {
  title: '诉求地图',
  filters: { box: '工单箱', category: '分类' },
  legend: {
    title: '图例',
    ok: '时限内',
    yellow: '即将超时',
    red: '已超时',
    none: '未计时(办结、挂账等)',
    approximate: '虚线边:未定位,标在所在楼栋',
    community: '社区',
    grid: '网格',
    building: '楼栋/院落',
  },
  summary: '地图上 {{count}} 件诉求',
  omitted: '另有 {{count}} 件未标出(仅显示最新 2000 件,或没有可标注的位置)',
  noOutlines: '此范围还没有边界数据,地图只显示有定位的诉求。',
  baseNote: '底图由网格与楼栋边界绘制,不依赖在线地图服务',
  popup: { open: '查看工单', approximate: '未定位,标在{{place}}' },
};

export default caseMap;
