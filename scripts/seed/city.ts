/**
 * The demo city's data: six communities cut into 133 grid units (the figures
 * of the municipal report the project grew from), the people who live and serve in
 * them, what they ask for, what they log, and the shops that take their credits.
 * Pure data and a seeded random generator: every run builds the same city.
 */

export interface CommunityPlan {
  /** Readable code, e.g. `qingshan` (a run tag is appended when one is given). */
  code: string;
  name: string;
  /** Prefix of its grid unit codes, e.g. `QS` → QS-01 … */
  gridPrefix: string;
  gridUnits: number;
  /** Where its grid units are named after. */
  street: string;
  coordinator: string;
}

/** 24 + 23 + 22 + 22 + 21 + 21 = 133 grid units, as in the report. */
export const COMMUNITIES: CommunityPlan[] = [
  {
    code: 'qingshan',
    name: '青山社区',
    gridPrefix: 'QS',
    gridUnits: 24,
    street: '青山路',
    coordinator: '张淑华',
  },
  {
    code: 'fukang',
    name: '福康社区',
    gridPrefix: 'FK',
    gridUnits: 23,
    street: '福康街',
    coordinator: '李卫东',
  },
  {
    code: 'liantong',
    name: '联通社区',
    gridPrefix: 'LT',
    gridUnits: 22,
    street: '联通巷',
    coordinator: '王丽萍',
  },
  {
    code: 'guotu',
    name: '国土资源社区',
    gridPrefix: 'GT',
    gridUnits: 22,
    street: '国土大院',
    coordinator: '赵建军',
  },
  {
    code: 'xingguang',
    name: '星光社区',
    gridPrefix: 'XG',
    gridUnits: 21,
    street: '星光里',
    coordinator: '陈晓梅',
  },
  {
    code: 'hexie',
    name: '和谐社区',
    gridPrefix: 'HX',
    gridUnits: 21,
    street: '和谐北路',
    coordinator: '刘志刚',
  },
];

export const GRID_UNIT_TOTAL = COMMUNITIES.reduce((sum, c) => sum + c.gridUnits, 0);

/** Each community's yearly time fund, moved from the city's issuance account. */
export const FUND_ALLOCATION_MINUTES = 30_000;

export const RESIDENTS_PER_COMMUNITY = [9, 9, 8, 8, 8, 8]; // 50
/** Of those, how many sign up themselves (the rest get their card at the community office). */
export const SELF_REGISTERED_PER_COMMUNITY = [4, 4, 3, 3, 3, 3]; // 20
/** Elderly priority households per community, marked by its coordinator. */
export const PRIORITY_PER_COMMUNITY = 2; // 12
export const VOLUNTEERS_PER_COMMUNITY = 5; // 30
/** Credits a self-registered household gets when its card is opened (一户一卡). */
export const WELCOME_MINUTES = 240;

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '高',
  '罗',
];
export const ELDER_NAMES = [
  '建国',
  '桂兰',
  '淑珍',
  '秀英',
  '德明',
  '凤英',
  '玉兰',
  '国华',
  '振华',
  '桂芳',
  '春生',
  '金凤',
  '长林',
  '素芬',
  '保国',
  '月娥',
];
export const ADULT_NAMES = [
  '海燕',
  '丽娟',
  '文华',
  '志强',
  '春梅',
  '晓东',
  '雪梅',
  '红霞',
  '建平',
  '永刚',
  '小燕',
  '立新',
  '亚男',
  '卫红',
];
export const YOUNG_NAMES = [
  '子涵',
  '浩然',
  '欣怡',
  '宇轩',
  '思远',
  '佳琪',
  '一鸣',
  '雨桐',
  '俊杰',
  '晨阳',
  '梓萱',
  '明轩',
  '诗涵',
  '博文',
  '可馨',
  '天佑',
];

export interface VolunteerKind {
  skills: string[];
  availability: string;
  bio: string;
}

export const VOLUNTEER_KINDS: VolunteerKind[] = [
  {
    skills: ['陪诊', '轮椅协助', '急救证'],
    availability: '工作日上午',
    bio: '社区卫生服务站的退休护士，熟悉附近几家医院的流程。',
  },
  {
    skills: ['家电维修', '水电维修', '换灯泡'],
    availability: '周末全天',
    bio: '电工出身，楼里谁家跳闸了都来找我。',
  },
  {
    skills: ['智能手机教学', '网上挂号', '视频通话'],
    availability: '每周二、四晚上',
    bio: '大学生志愿者，耐心教老人用手机。',
  },
  {
    skills: ['代购买菜', '取药送药', '跑腿'],
    availability: '每天傍晚',
    bio: '上班路过菜市场，顺手帮邻居带点东西。',
  },
  {
    skills: ['作业辅导', '书法', '朗读'],
    availability: '周六下午',
    bio: '中学语文老师，周末给孩子们辅导功课。',
  },
  {
    skills: ['聊天陪伴', '心理疏导', '读报'],
    availability: '工作日下午',
    bio: '喜欢和老人聊天，听他们讲过去的故事。',
  },
  {
    skills: ['做饭送餐', '包饺子', '清洁'],
    availability: '周一至周五中午',
    bio: '家常菜做得好，给独居老人送午饭。',
  },
  {
    skills: ['治安巡逻', '防诈骗宣传', '调解'],
    availability: '每晚七点到九点',
    bio: '退休教师，社区巡防队队长。',
  },
];

/** Hours served outside a request: community activities the coordinators verify. */
export const ACTIVITIES = [
  '社区垃圾分类宣传站值守',
  '夜间治安巡逻',
  '重阳节敬老活动布置与服务',
  '清理楼道小广告',
  '防电信诈骗宣传进楼栋',
  '社区义诊现场秩序维护',
  '慈善超市整理捐赠物资',
  '星光艺术团演出后勤',
  '独居老人入户探访',
  '劳动保障服务站招聘会引导',
  '社区图书阅览室值班',
  '小区绿化带清理',
];

export const REJECTION_REASONS = [
  '活动签到表上没有这次服务的记录，请补充照片后重新提交',
  '这一天的活动已由另一条记录登记过',
  '时长与活动安排不符，请按实际时长重新登记',
];

export type RequestCategory =
  | 'companionship'
  | 'escort'
  | 'errands'
  | 'home_repair'
  | 'cleaning'
  | 'tutoring'
  | 'tech_help'
  | 'meals'
  | 'other';

export interface RequestTemplate {
  title: string;
  description: string;
  category: RequestCategory;
  minutes: number;
}

export const REQUEST_TEMPLATES: RequestTemplate[] = [
  {
    title: '陪同去社区医院复诊',
    description: '上午九点的号，需要有人推轮椅、帮忙排队取药。',
    category: 'escort',
    minutes: 120,
  },
  {
    title: '帮忙去菜市场买菜',
    description: '腿脚不便，想请人帮买一周的蔬菜和鸡蛋，钱当面给。',
    category: 'errands',
    minutes: 60,
  },
  {
    title: '修理漏水的水龙头',
    description: '厨房水龙头一直滴水，零件我已经买好了。',
    category: 'home_repair',
    minutes: 60,
  },
  {
    title: '陪老人聊天读报',
    description: '老伴住院了，父亲一个人在家，希望有人下午陪他聊聊天。',
    category: 'companionship',
    minutes: 90,
  },
  {
    title: '教我用手机和孙子视频',
    description: '新买的智能手机，不会用微信视频通话。',
    category: 'tech_help',
    minutes: 45,
  },
  {
    title: '给孩子辅导数学作业',
    description: '五年级分数应用题，家长下班晚，辅导不过来。',
    category: 'tutoring',
    minutes: 90,
  },
  {
    title: '打扫厨房和阳台',
    description: '年底大扫除，油烟机和阳台窗户够不着。',
    category: 'cleaning',
    minutes: 120,
  },
  {
    title: '做一顿午饭送上门',
    description: '术后恢复期，需要清淡的午饭，少盐。',
    category: 'meals',
    minutes: 60,
  },
  {
    title: '去药店取药送到家',
    description: '降压药吃完了，处方在社区卫生站。',
    category: 'errands',
    minutes: 45,
  },
  {
    title: '更换楼道和卫生间灯泡',
    description: '需要梯子，家里没有。',
    category: 'home_repair',
    minutes: 30,
  },
  {
    title: '帮忙网上预约挂号',
    description: '想挂市医院的眼科专家号，不会用小程序。',
    category: 'tech_help',
    minutes: 30,
  },
  {
    title: '陪同去银行办理养老金业务',
    description: '社保卡要换新，需要有人陪同并帮忙填表。',
    category: 'escort',
    minutes: 90,
  },
  {
    title: '周末陪独居老人散步',
    description: '去公园走一走，老人有点认路困难。',
    category: 'companionship',
    minutes: 60,
  },
  {
    title: '整理旧衣物捐给慈善超市',
    description: '两大袋冬衣，需要帮忙分拣并送到社区捐助站。',
    category: 'other',
    minutes: 60,
  },
];

export const RATING_COMMENTS: Array<[number, string]> = [
  [5, '非常耐心，谢谢！'],
  [5, '准时到，还帮忙把垃圾带下楼了。'],
  [5, '小伙子很细心，老人很喜欢他。'],
  [4, '很好，就是来得稍晚了一点。'],
  [5, '解决了大问题，太感谢了。'],
  [4, '服务周到。'],
  [3, '事情办完了，但沟通可以再多一点。'],
];

export const DISPUTE_REASONS = [
  '只来了半小时，不是登记的那么久',
  '约好的是上午，实际下午才来，耽误了事',
  '活只做了一半就走了',
];

export const COMPLETION_NOTES = [
  '已完成',
  '已完成，老人状态良好',
  '顺利完成，下次还可以再约',
  '按约定时间完成',
];

export interface MerchantPlan {
  key: string;
  name: string;
  kind: string;
  /** Index into COMMUNITIES. */
  community: number;
  address: string;
  contact: string;
  staff: string;
  offers: Array<{
    title: string;
    description: string;
    discount: { kind: 'percent' | 'amount' | 'item'; value: number | string };
    creditCostMinutes: number;
    minTier: number;
    quantity: number;
    perMemberLimit: number;
  }>;
}

export const MERCHANTS: MerchantPlan[] = [
  {
    key: 'pharmacy',
    name: '康宁大药房',
    kind: 'pharmacy',
    community: 0,
    address: '青山路18号',
    contact: '0471-6211880',
    staff: '孙药师',
    offers: [
      {
        title: '常用药品九折',
        description: '非处方药九折，每次限一张。',
        discount: { kind: 'percent', value: 10 },
        creditCostMinutes: 60,
        minTier: 0,
        quantity: 100,
        perMemberLimit: 2,
      },
      {
        title: '电子血压计一台',
        description: '星级志愿者专享，到店领取。',
        discount: { kind: 'item', value: '电子血压计' },
        creditCostMinutes: 600,
        minTier: 1,
        quantity: 5,
        perMemberLimit: 1,
      },
    ],
  },
  {
    key: 'barber',
    name: '老街理发店',
    kind: 'barber',
    community: 1,
    address: '福康街6号',
    contact: '13904716606',
    staff: '马师傅',
    offers: [
      {
        title: '理发一次',
        description: '洗剪吹一次，周一至周五。',
        discount: { kind: 'item', value: '理发一次' },
        creditCostMinutes: 90,
        minTier: 0,
        quantity: 50,
        perMemberLimit: 2,
      },
    ],
  },
  {
    key: 'grocery',
    name: '邻里生鲜超市',
    kind: 'grocery',
    community: 2,
    address: '联通巷32号',
    contact: '0471-6233232',
    staff: '周店长',
    offers: [
      {
        title: '满50元减10元',
        description: '生鲜蔬菜满50元立减10元。',
        discount: { kind: 'amount', value: 10 },
        creditCostMinutes: 60,
        minTier: 0,
        quantity: 200,
        perMemberLimit: 3,
      },
    ],
  },
  {
    key: 'teahouse',
    name: '清风茶馆',
    kind: 'tea house',
    community: 4,
    address: '星光里2号楼底商',
    contact: '13847100222',
    staff: '何老板',
    offers: [
      {
        title: '下午茶一壶',
        description: '茉莉花茶或普洱一壶，两人份。',
        discount: { kind: 'item', value: '茶一壶' },
        creditCostMinutes: 45,
        minTier: 0,
        quantity: 80,
        perMemberLimit: 2,
      },
    ],
  },
  {
    key: 'noodles',
    name: '李记牛肉面',
    kind: 'noodle shop',
    community: 5,
    address: '和谐北路77号',
    contact: '0471-6277077',
    staff: '李师傅',
    offers: [
      {
        title: '牛肉面八折',
        description: '大碗小碗都可以，堂食外带均可。',
        discount: { kind: 'percent', value: 20 },
        creditCostMinutes: 30,
        minTier: 0,
        quantity: 150,
        perMemberLimit: 3,
      },
    ],
  },
];

/** A small deterministic generator (mulberry32), so every run builds the same city. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** A name nobody else in `taken` has: surname + given name from `given`. */
export function uniqueName(
  rand: () => number,
  given: readonly string[],
  taken: Set<string>,
  surname?: string,
): string {
  for (let i = 0; i < 1000; i += 1) {
    const name = (surname ?? pick(rand, SURNAMES)) + pick(rand, given);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('ran out of names');
}
