export default {
  title: '店铺收银台',
};
