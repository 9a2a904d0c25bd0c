import type { TSapModule } from '@hamkke/core';
import type { TDemoPerson } from './demo-organizations.js';

/** The AMS team itself: agents carry the modules they usually take. */
export const DEMO_MANAGER: TDemoPerson = {
  name: '박성훈',
  title: '운영지원팀 팀장',
  email: 'sunghoon.park@hamkke.example',
};
export const DEMO_VIEWER: TDemoPerson = {
  name: '오세영',
  title: '사업관리팀',
  email: 'seyoung.oh@hamkke.example',
};
export const DEMO_AGENTS: (TDemoPerson & { modules: TSapModule[] })[] = [
  { name: '김민준', title: 'FI/CO', email: 'minjun.kim@hamkke.example', modules: ['FI', 'CO', 'PS', 'TR'] },
  { name: '이서연', title: 'SD', email: 'seoyeon.lee@hamkke.example', modules: ['SD', 'LE'] },
  { name: '정우진', title: 'MM/PP', email: 'woojin.jung@hamkke.example', modules: ['MM', 'PP', 'QM', 'PM'] },
  { name: '최지은', title: 'Basis', email: 'jieun.choi@hamkke.example', modules: ['BC', 'EWM', 'WM'] },
  {
    name: '한도윤',
    title: 'ABAP/BTP',
    email: 'doyoon.han@hamkke.example',
    modules: ['ABAP', 'BTP', 'FIORI', 'PI'],
  },
  { name: '윤하은', title: 'BW/HCM', email: 'haeun.yoon@hamkke.example', modules: ['BW', 'HCM', 'CO'] },
];

/** Every demo user signs in with this password: demo data is for trying Hamkke out, never for production. */
export const DEMO_PASSWORD = 'hamkke-demo-1234';
