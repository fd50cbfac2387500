export default {
  title: '我的',
  card: '卡号',
  roles: {
    resident: '居民',
    volunteer: '志愿者',
    merchant: '商户',
    coordinator: '社区工作人员',
    admin: '管理员',
  },
  priority: '优先照顾户',
  settings: '设置（语言、字体、对比度）',
  links: {
    statement: '积分明细',
    gift: '赠送积分给家人',
    vouchers: '我的优惠券',
    activities: '社区活动',
    hours: '我的服务时长',
    record: '服务记录与证书',
    profile: '志愿者资料',
  },
  password: '修改密码',
};
