export default {
  title: '城市管理',
  menu: {
    communities: '社区与网格',
    funds: '基金拨付',
    coordinators: '社区工作人员',
    tiers: '星级标准',
    ledger: '账目核对',
    reports: '各社区报表',
  },
};
