/** The notifications: the bell, the list and what arrives by itself. */
export default {
  title: '通知',
  bell: {
    none: '通知',
    unread: '通知, {n} 条未读',
  },
  unread: '未读',
  unreadCount: '{n} 条未读',
  allRead: '全部已读',
  markAllRead: '全部标为已读',
  markAllFailed: '没能标为已读',
  empty: '还没有通知。有人接单、时长审核通过、活动有变化时，会在这里告诉您。',
};
