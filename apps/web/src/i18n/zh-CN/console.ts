export default {
  title: '社区工作台',
  waiting: '{n} 项待处理',
  community: '社区',
  menu: {
    queue: '待办',
    people: '居民与志愿者',
    fund: '社区基金',
    report: '社区报表',
  },
};
