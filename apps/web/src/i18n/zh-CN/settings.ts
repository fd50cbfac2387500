export default {
  title: '设置',
  language: '语言',
  textSize: '字体大小',
  sizes: { standard: '标准', large: '大', xlarge: '特大' },
  sample: '示例：王阿姨需要有人陪同去医院。',
  contrast: '高对比度',
  contrastHint: '黑白分明，更容易看清',
};
