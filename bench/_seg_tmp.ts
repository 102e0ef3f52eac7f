import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { LEXICON_WORDS } from '../src/modules/suggestions/lexicon.rules';

const j = Jieba.withDict(dict);
j.loadDict(new TextEncoder().encode(LEXICON_WORDS.map((w) => `${w} 2000\n`).join('')));
for (const s of [
  '听说郑庄村小学要撤并到镇上',
  '郑庄镇郑庄村的垃圾箱满了',
  '西文兴村的自来水一下雨就是黄的',
  '东关村主街上的路灯坏了',
  '反映一下东关村路灯不亮的问题',
  '我们东关村的太阳能路灯',
  '希望给湘峪村卫生室派驻医生',
  '土沃乡西文兴村自来水水质差',
])
  console.log(j.cut(s, true).join('|'));
