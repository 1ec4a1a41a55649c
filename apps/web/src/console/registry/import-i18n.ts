/**
 * Strings of the long-import screens (upload in parts, progress, the 社区 column), merged into the
 * `registry` namespace at load time: the shared catalogue files stay as they are; looked up with `tx`.
 */
import i18n from '../../shared/i18n.ts';

const zh = {
  import: {
    fields: { community: '社区' },
    codes: { unknown_community: '找不到该社区(或不在导入范围内)' },
    uploading: '正在上传 {{percent}}%',
    queued: '已排队,等待后台导入…',
    checking: '正在检查第 {{done}} / {{last}} 行',
    applying: '正在写入(全部通过检查,一次性提交)第 {{done}} / {{last}} 行',
    failed: '导入中断:{{reason}}。再次点击「导入」将从中断处继续。',
    moreErrors: '共 {{count}} 行有错误,此处列出前 500 条',
    background: '大文件(超过 2000 行)由后台分批导入,可离开本页,稍后回来查看进度。',
  },
};
const en = {
  import: {
    fields: { community: 'Community' },
    codes: { unknown_community: 'No such community (or outside the import’s area)' },
    uploading: 'Uploading {{percent}}%',
    queued: 'Queued, waiting for the background import…',
    checking: 'Checking row {{done}} of {{last}}',
    applying: 'Writing (every row passed; committed at once): row {{done}} of {{last}}',
    failed: 'The import stopped: {{reason}}. Click “Import” again to resume where it stopped.',
    moreErrors: '{{count}} rows have errors; the first 500 are listed here',
    background:
      'Large files (over 2,000 rows) are imported in batches in the background: you may leave this page and come back.',
  },
};

i18n.addResourceBundle('zh-CN', 'registry', zh, true, false);
i18n.addResourceBundle('en', 'registry', en, true, false);
// Files are no longer limited to 10 MB: the upload hint says so (replacing the catalogue's sentence).
i18n.addResourceBundle(
  'zh-CN',
  'registry',
  {
    import: {
      hint: '上传 CSV 或 Excel(.xlsx)居民表(大文件自动分段上传、后台分批导入并显示进度),核对列对应关系,先试运行查看逐行检查结果,再导入。按身份证号识别同一人:已登记的人只更新有变化的字段,重复导入不会重复登记;导入中断后再次导入会从中断处继续。',
    },
  },
  true,
  true,
);
i18n.addResourceBundle(
  'en',
  'registry',
  {
    import: {
      hint: 'Upload a CSV or Excel (.xlsx) residents sheet (large files are sent in parts and imported in batches in the background, with progress), check the column mapping, try it for a row-by-row report, then import. People are recognised by ID number: known people only get their changed fields, re-importing never registers anyone twice, and an interrupted import resumes where it stopped.',
    },
  },
  true,
  true,
);
